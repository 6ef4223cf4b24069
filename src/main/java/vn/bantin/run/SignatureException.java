package vn.bantin.run;

/** A bulletin's signature cannot be made; the message is one line for the operator: what, where, what to do. */
public final class SignatureException extends RuntimeException {
    public SignatureException(String message) {
        super(message);
    }

    public SignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
