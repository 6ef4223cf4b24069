package vn.bantin.store;

/**
 * The store cannot be opened, read or written. The message is one sentence that says which store and what to
 * do; the database's own exception is the cause, for the log.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
