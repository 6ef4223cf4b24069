package vn.bantin.run;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stop asked from outside (SIGTERM on {@code run}): the run finishes the message in flight, sends no other, and
 * records itself as interrupted. Cooperative, so no message is cut off inside its SMTP transaction.
 */
public final class StopRequest {
    /** Never asked: for runs that nothing stops from outside. */
    public static final StopRequest NEVER = new StopRequest();

    private final AtomicBoolean asked = new AtomicBoolean();

    public void ask() {
        if (this == NEVER) {
            throw new IllegalStateException("StopRequest.NEVER cannot be asked");
        }
        asked.set(true);
    }

    public boolean asked() {
        return asked.get();
    }
}
