package vn.bantin.report;

import java.nio.file.Path;

/**
 * Rendering a bulletin failed. The message names the template or file involved and says what
 * went wrong, in words meant for the officer who edits the templates.
 */
public final class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path template;
    private final boolean located;

    public ReportException(String message) {
        this(null, message, null);
    }

    public ReportException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /** A problem of one template: only the bulletins made from it are stopped. */
    ReportException(Path template, String message, Throwable cause) {
        this(template, message, cause, false);
    }

    private ReportException(Path template, String message, Throwable cause, boolean located) {
        super(message, cause);
        this.template = template;
        this.located = located;
    }

    /** A problem of one template already said as {@code file:line: what is wrong}, one per line. */
    static ReportException located(Path template, String problems, Throwable cause) {
        return new ReportException(template, problems, cause, true);
    }

    /** The message is already {@code file:line: what is wrong}: the place was found where the problem was known. */
    boolean isLocated() {
        return located;
    }

    /** "Template templates/province.jrxml: does not compile: ...". */
    static ReportException inTemplate(Path template, String what, Throwable cause) {
        String detail = cause == null ? "" : ": " + describe(cause);
        return new ReportException(template, "Template " + template + ": " + what + detail, cause);
    }

    /** The template at fault, or null when the problem is not one template's (a label file, the output folder). */
    public Path template() {
        return template;
    }

    /** The innermost useful message: Jasper wraps the cause (a bad expression, a missing key) several levels deep. */
    static String describe(Throwable cause) {
        Throwable t = cause;
        String message = t.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? cause.getClass().getSimpleName() : message.strip();
    }
}
