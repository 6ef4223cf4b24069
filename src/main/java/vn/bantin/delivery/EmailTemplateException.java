package vn.bantin.delivery;

/** An email template that cannot be used (missing file, unknown placeholder); the message names the file. */
public final class EmailTemplateException extends RuntimeException {
    public EmailTemplateException(String message) {
        super(message);
    }
}
