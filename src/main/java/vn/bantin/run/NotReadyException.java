package vn.bantin.run;

/** The exports do not cover the period yet (or hold nothing for it): no bulletin is made unless forced. */
public final class NotReadyException extends RuntimeException {
    public NotReadyException(String message) {
        super(message);
    }
}
