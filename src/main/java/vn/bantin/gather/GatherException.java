package vn.bantin.gather;

/** A source that could not be pulled: one sentence naming the source, what went wrong and what to do. */
public final class GatherException extends RuntimeException {
    public GatherException(String message) {
        super(message);
    }

    public GatherException(String message, Throwable cause) {
        super(message, cause);
    }
}
