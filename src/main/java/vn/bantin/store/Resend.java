package vn.bantin.store;

/** What {@link DeliveryLedger#resend} did. */
public enum Resend {
    /** The row is pending: the next claim sends it. */
    QUEUED,
    /** No delivery of that bulletin and period to that address is recorded (the next run sends it anyway). */
    NOT_FOUND,
    /** A sender holds it right now; try again when it has finished. */
    IN_FLIGHT
}
