package vn.bantin.source;

/**
 * Reading stopped because another export read at the same time failed first in file order; never shown to anyone:
 * that other failure is what is reported.
 */
public final class ReadStopped extends RuntimeException {
    public ReadStopped() {
        super("reading stopped: another export read beside it failed", null, false, false);
    }
}
