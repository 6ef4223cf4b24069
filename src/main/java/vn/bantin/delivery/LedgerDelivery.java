package vn.bantin.delivery;

import java.time.Instant;

import vn.bantin.store.Claim;
import vn.bantin.store.DeliveryKey;
import vn.bantin.store.DeliveryLedger;

/**
 * Delivers one message exactly once as far as SMTP allows: each attempt is claimed in the {@link DeliveryLedger}
 * first and its outcome recorded right after, so that a re-run, a second process or a restart never sends what
 * was sent and never forgets what was not. Failures that may pass are tried again after the waits of a
 * {@link Backoff}, each retry a new claim; a rejection is recorded and not tried again.
 */
public final class LedgerDelivery {
    private final DeliveryLedger ledger;
    private final Sender sender;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;

    public LedgerDelivery(DeliveryLedger ledger, Sender sender, Backoff backoff, Backoff.Sleeper sleeper) {
        this.ledger = ledger;
        this.sender = sender;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /** What became of one delivery. */
    public sealed interface Outcome {
        /** Sent now, under {@code messageId}; {@code afterCrash} when a sender that died may have sent it before. */
        record Sent(String messageId, int attempt, boolean afterCrash) implements Outcome {}

        /** Sent by an earlier run (or process); nothing sent now. */
        record AlreadySent(String messageId, Instant at) implements Outcome {}

        /** The server refused it for good, now or before; recorded, not tried again until a resend. */
        record Rejected(String error) implements Outcome {}

        /**
         * Not sent this time; the ledger keeps it to send, so a later run tries again. {@code kind} is
         * {@link Failure#SETUP} when the settings must be fixed first (then the other recipients fail the same way).
         */
        record Failed(String error, Failure kind, int attempt) implements Outcome {}

        /** Another sender holds it right now (or held it and died, until its lease runs out); not settled yet. */
        record Busy(Instant since) implements Outcome {}
    }

    /**
     * Delivers {@code message} as the copy of {@code bulletin} for {@code periodKey} to its recipient.
     *
     * @param runId the run that delivers, kept in the ledger (may be null)
     */
    public Outcome deliver(String bulletin, String periodKey, Message message, Long runId) {
        DeliveryKey key = new DeliveryKey(bulletin, periodKey, message.to().email());
        String unit = message.to().unit() == null || message.to().unit().isEmpty() ? null : message.to().unit();
        for (int tried = 1; ; tried++) {
            Claim claim = ledger.claim(key, unit, runId);
            if (claim instanceof Claim.AlreadySent a) {
                return new Outcome.AlreadySent(a.messageId(), a.at());
            }
            if (claim instanceof Claim.Rejected r) {
                return new Outcome.Rejected(r.error());
            }
            if (claim instanceof Claim.Busy b) {
                return new Outcome.Busy(b.since());
            }
            Claim.Send send = (Claim.Send) claim;
            String messageId;
            try {
                messageId = sender.send(message);
            } catch (DeliveryException e) {
                Failure kind = Failure.of(e);
                ledger.markFailed(send, e.getMessage(), kind == Failure.REJECTED);
                if (kind == Failure.REJECTED) {
                    return new Outcome.Rejected(e.getMessage());
                }
                if (kind == Failure.SETUP || tried >= backoff.attempts()) {
                    return new Outcome.Failed(e.getMessage(), kind, send.attempt());
                }
                try {
                    RetryingSender.wait(backoff, sleeper, tried, message.to().email(), e);
                } catch (DeliveryException stopped) {
                    return new Outcome.Failed(stopped.getMessage(), Failure.TRANSIENT, send.attempt());
                }
                continue;
            } catch (RuntimeException e) {
                // Not the server's answer (a bug, a full disk): release the claim so the next run tries again.
                ledger.markFailed(send, "unexpected: " + e, false);
                throw e;
            }
            // Right after the server's reply, before anything else: this is the whole duplicate window.
            ledger.markSent(send, messageId);
            return new Outcome.Sent(messageId, send.attempt(), send.afterCrash());
        }
    }
}
