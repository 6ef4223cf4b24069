package vn.bantin.store;

import java.util.Locale;

/**
 * A ledger row's state. {@code PENDING}: to send. {@code SENDING}: claimed by a sender, outcome not recorded yet.
 * {@code SENT}: the server accepted it. {@code FAILED}: the last attempt failed for a reason that may pass (sent
 * again on the next claim). {@code REJECTED}: the server refused it for good (a bad address): never sent again
 * unless asked with a resend. {@code UNCERTAIN}: an attempt went past the final dot and no answer came (a timeout,
 * a dropped line, a sender that died): the server may have kept it; tried again once, then left for the administrator.
 */
public enum DeliveryStatus {
    PENDING, SENDING, UNCERTAIN, SENT, FAILED, REJECTED;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
