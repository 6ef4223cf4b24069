package vn.bantin.report;

/** A template or label problem that stops a bulletin; the message names the file and what is wrong. */
public class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
