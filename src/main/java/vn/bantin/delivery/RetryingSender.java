package vn.bantin.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a message to another sender and, when that fails for a reason that may pass ({@link Failure#TRANSIENT}),
 * tries again after the waits of a {@link Backoff}. A rejection or a setup failure is passed on at once. This is
 * retry without a ledger; {@link LedgerDelivery} retries the same way and records every attempt.
 */
public final class RetryingSender implements Sender {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    private final Sender sender;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;

    public RetryingSender(Sender sender, Backoff backoff, Backoff.Sleeper sleeper) {
        this.sender = sender;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    @Override
    public String send(Message message) throws DeliveryException {
        for (int attempt = 1; ; attempt++) {
            try {
                return sender.send(message);
            } catch (DeliveryException e) {
                if (!Failure.of(e).mayPass() || attempt >= backoff.attempts()) {
                    throw e;
                }
                wait(backoff, sleeper, attempt, message.to().email(), e);
            }
        }
    }

    /** Waits before attempt {@code failed + 1}; an interrupt ends the waiting as a failure. */
    static void wait(Backoff backoff, Backoff.Sleeper sleeper, int failed, String to, DeliveryException e) throws DeliveryException {
        java.time.Duration delay = backoff.delayBefore(failed + 1);
        LOG.info("Sending to {} failed ({}); attempt {} of {} in {} s", to, e.getMessage(), failed + 1, backoff.attempts(),
                delay.toMillis() / 1000.0);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("stopped while waiting to send to " + to + " again; last failure: " + e.getMessage(), e);
        }
    }
}
