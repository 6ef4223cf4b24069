package vn.bantin.store;

/**
 * A run could not take the render claim of its period (another process renders it and did not finish within
 * {@code render.wait}, or the wait was stopped), or lost it while it rendered. The message is one sentence that names
 * the holder and what to do; nothing was sent.
 */
public final class RenderBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RenderBusyException(String message) {
        super(message);
    }
}
