package vn.bantin.store;

import java.time.Instant;

/** The ledger's answer to "may I send this now?". Only {@link Send} says yes. */
public sealed interface Claim {

    /**
     * Send now; then record the outcome with {@link DeliveryLedger#markSent} or {@link DeliveryLedger#markFailed}.
     * {@code attempt} counts every attempt at this row, over all runs (1 for the first). {@code afterCrash} is
     * true when the row was taken over from a sender that claimed it and never recorded an outcome (its process
     * died, most likely): if it died after the server had accepted the message, this copy is the second one.
     * {@code retryOfUncertain} is true when an earlier attempt went past the final dot without an answer (this is its
     * one retry). {@code generation} counts resends on purpose; with the key it makes the stable Message-ID.
     */
    record Send(long deliveryId, DeliveryKey key, String token, int attempt, boolean afterCrash, boolean retryOfUncertain,
                int generation) implements Claim {}

    /** Already delivered: the server accepted it at {@code at}; sent again only after a resend. */
    record AlreadySent(String messageId, Instant at) implements Claim {}

    /**
     * Twice the message went past the final dot and no answer came: the server may have it (twice). Not tried again
     * on its own; the administrator is told; sent again only after a resend.
     */
    record Uncertain(String error, Instant since) implements Claim {}

    /** The server refused this address for good; sent again only after a resend. */
    record Rejected(String error) implements Claim {}

    /**
     * Another sender claimed it at {@code since} and has not recorded the outcome yet; not settled. If that sender
     * died, the claim may be taken over once its lease has run out, by a later claim.
     */
    record Busy(Instant since) implements Claim {}
}
