package vn.bantin.source;

/** An input that cannot be read at all (missing file or column, not CSV, empty): the run stops before any output. */
public final class SourceException extends RuntimeException {
    public SourceException(String message) {
        super(message);
    }
}
