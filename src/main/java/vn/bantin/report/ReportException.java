package vn.bantin.report;

import java.nio.file.Path;

/**
 * Rendering a bulletin failed. The message names the template or file involved and says what
 * went wrong, in words meant for the officer who edits the templates.
 */
public final class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "Template templates/province.jrxml: does not compile: ...". */
    static ReportException inTemplate(Path template, String what, Throwable cause) {
        String detail = cause == null ? "" : ": " + describe(cause);
        return new ReportException("Template " + template + ": " + what + detail, cause);
    }

    /** The innermost useful message: Jasper wraps the cause (a bad expression, a missing key) several levels deep. */
    private static String describe(Throwable cause) {
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
