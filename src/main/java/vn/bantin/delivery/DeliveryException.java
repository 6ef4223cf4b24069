package vn.bantin.delivery;

public final class DeliveryException extends Exception {
    /** What the sender knew for sure about the failure (null: read it from the cause, {@link Failure#of}). */
    private final Failure kind;

    public DeliveryException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public DeliveryException(String message, Throwable cause, Failure kind) {
        super(message, cause);
        this.kind = kind;
    }

    Failure kind() {
        return kind;
    }
}
