package vn.bantin.delivery;

import java.time.Instant;

import vn.bantin.store.Claim;
import vn.bantin.store.DeliveryKey;
import vn.bantin.store.DeliveryLedger;

/**
 * Delivers messages exactly once as far as SMTP allows: each attempt is claimed in the {@link DeliveryLedger}
 * first and its outcome recorded as soon as it is known (the server's 250 to the final dot, before QUIT), so that a
 * re-run, a second process or a restart never sends what was sent and never forgets what was not.
 *
 * <p>One instance delivers one run's messages, and is its circuit breaker: a failure that may pass makes the
 * delivery wait (the waits of one {@link Backoff} series) and try the same message again, and the series is shared
 * by every message until one goes through. So a server that is down costs one series, not one per message: when the
 * series is spent on an unreachable server ({@link Failure#UNREACHABLE}), or the outbox cannot be written
 * ({@link Failure#LOCAL}, at once), the delivery stops and the remaining messages are left, untried, for the next
 * run. A message refused for now ({@link Failure#TRANSIENT}) after the series is spent gets one attempt each.
 */
public final class LedgerDelivery {
    private final DeliveryLedger ledger;
    private final Sender sender;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;
    /** Waits spent since the last message went through: the breaker's one series, shared by all messages. */
    private int waited;
    /** Why the delivery stopped (null while it goes on): the remaining messages are not tried. */
    private DeliveryException stopped;

    public LedgerDelivery(DeliveryLedger ledger, Sender sender, Backoff backoff, Backoff.Sleeper sleeper) {
        this.ledger = ledger;
        this.sender = sender;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /** What became of one delivery. */
    public sealed interface Outcome {
        /**
         * Sent now, under {@code messageId}; {@code maybeTwice} when an earlier attempt (a sender that died, or one
         * that got no answer after the final dot) may have delivered it already: the copies share the Message-ID.
         */
        record Sent(String messageId, int attempt, boolean maybeTwice) implements Outcome {}

        /** Sent by an earlier run (or process); nothing sent now. */
        record AlreadySent(String messageId, Instant at) implements Outcome {}

        /** The server refused it for good, now or before; recorded, not tried again until a resend. */
        record Rejected(String error) implements Outcome {}

        /**
         * Not sent this time; the ledger keeps it to send, so a later run tries again. {@code kind} is
         * {@link Failure#SETUP} when the settings must be fixed first (then the other recipients fail the same way).
         * {@code attempt} 0: not tried at all, because the delivery had stopped.
         */
        record Failed(String error, Failure kind, int attempt) implements Outcome {}

        /**
         * Twice the message went past the final dot with no answer: the server may have it, once or twice. Not tried
         * again on its own; the administrator is told.
         */
        record Uncertain(String error) implements Outcome {}

        /** Another sender holds it right now (or held it and died, until its lease runs out); not settled yet. */
        record Busy(Instant since) implements Outcome {}
    }

    /** {@link #deliver(String, String, String, Message, Long)} of a bulletin that is the same for everyone (no unit). */
    public Outcome deliver(String bulletin, String periodKey, Message message, Long runId) {
        return deliver(bulletin, periodKey, null, message, runId);
    }

    /**
     * Delivers {@code message} as the copy of {@code bulletin} for {@code periodKey} and {@code unit} (null or empty
     * for a bulletin that is the same for everyone) to its recipient.
     *
     * @param runId the run that delivers, kept in the ledger (may be null)
     */
    public Outcome deliver(String bulletin, String periodKey, String unit, Message message, Long runId) {
        DeliveryKey key = new DeliveryKey(bulletin, periodKey, unit, message.to().email());
        while (true) {
            if (stopped != null) {
                return new Outcome.Failed(stopped.getMessage(), Failure.of(stopped), 0);
            }
            Claim claim = ledger.claim(key, key.unit(), runId);
            if (claim instanceof Claim.AlreadySent a) {
                return new Outcome.AlreadySent(a.messageId(), a.at());
            }
            if (claim instanceof Claim.Rejected r) {
                return new Outcome.Rejected(r.error());
            }
            if (claim instanceof Claim.Busy b) {
                return new Outcome.Busy(b.since());
            }
            if (claim instanceof Claim.Uncertain u) {
                return new Outcome.Uncertain(u.error());
            }
            Claim.Send send = (Claim.Send) claim;
            Recorded recorded = new Recorded(send);
            String where;
            try {
                where = sender.send(message.withMessageId(messageId(key, send.generation())), recorded);
            } catch (DeliveryException e) {
                Failure kind = Failure.of(e);
                if (kind == Failure.UNCERTAIN) {
                    ledger.markUncertain(send, e.getMessage());
                    if (send.retryOfUncertain()) {
                        return new Outcome.Uncertain(e.getMessage());
                    }
                    continue;
                }
                ledger.markFailed(send, e.getMessage(), kind == Failure.REJECTED);
                if (kind == Failure.REJECTED) {
                    return new Outcome.Rejected(e.getMessage());
                }
                if (kind == Failure.LOCAL) {
                    stopped = e;
                }
                if (!kind.mayPass()) {
                    return new Outcome.Failed(e.getMessage(), kind, send.attempt());
                }
                if (waited + 1 >= backoff.attempts()) {
                    if (kind == Failure.UNREACHABLE) {
                        stopped = e;
                    }
                    return new Outcome.Failed(e.getMessage(), kind, send.attempt());
                }
                try {
                    RetryingSender.wait(backoff, sleeper, ++waited, message.to().email(), e);
                } catch (DeliveryException interrupted) {
                    stopped = interrupted;
                    return new Outcome.Failed(interrupted.getMessage(), Failure.TRANSIENT, send.attempt());
                }
                continue;
            } catch (RuntimeException e) {
                // Not the server's answer (a bug, the store): release the claim so the next run tries again.
                ledger.markFailed(send, "unexpected: " + e, false);
                throw e;
            }
            if (!recorded.sent) {
                // A sender with no handover (the outbox): its return is the acceptance.
                ledger.markSent(send, where);
            }
            waited = 0;
            return new Outcome.Sent(where, send.attempt(), send.retryOfUncertain());
        }
    }

    /** Whether the delivery stopped (a server that stayed unreachable, an outbox that cannot be written). */
    public boolean stopped() {
        return stopped != null;
    }

    /**
     * The left part of the Message-ID of one delivery's copies: the same for every attempt, new for each resend on
     * purpose (a new generation), so a second copy from a retry is recognisable as such.
     */
    static String messageId(DeliveryKey key, int generation) {
        String h = FileNames.hash(key.bulletin() + "\n" + key.periodKey() + "\n" + key.unit() + "\n" + key.email());
        return "bantin." + key.periodKey() + "." + h + FileNames.hash(key.email() + "\n" + key.unit()) + ".g" + generation;
    }

    /** Writes the ledger at the SMTP moments: uncertain just before the final dot, sent at the server's 250. */
    private final class Recorded implements Sender.Handover {
        private final Claim.Send send;
        private boolean sent;

        Recorded(Claim.Send send) {
            this.send = send;
        }

        @Override
        public void finalDot() {
            ledger.markDataEnd(send);
        }

        @Override
        public void accepted(String messageId) {
            ledger.markSent(send, messageId);
            sent = true;
        }
    }
}
