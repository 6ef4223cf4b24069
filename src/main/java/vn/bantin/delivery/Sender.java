package vn.bantin.delivery;

/** Hands a message on: to the outbox folder, or to a mail server. */
public interface Sender {
    /** Returns where the message went (a file, or a server's id), for the run summary. */
    String send(Message message) throws DeliveryException;

    /**
     * {@link #send(Message)}, telling {@code handover} the moments that matter to the ledger: a mail server's sender
     * says when the final dot is about to go and when the server answered 250 to it, before it says goodbye (QUIT).
     * A sender without such moments (the outbox) says nothing, and its return is the acceptance.
     */
    default String send(Message message, Handover handover) throws DeliveryException {
        return send(message);
    }

    /** The moments of an SMTP transaction after which a crash would leave the message's fate unknown. */
    interface Handover {
        Handover NONE = new Handover() {
            @Override
            public void finalDot() {
            }

            @Override
            public void accepted(String messageId) {
            }
        };

        /** Just before the final dot: from now on the server may keep the message. */
        void finalDot();

        /** The server answered 250 to the final dot: it has the message, under {@code messageId}. */
        void accepted(String messageId);
    }
}
