package vn.bantin.delivery;

/** Hands a message on: to the outbox folder, or (later) to a mail server. */
public interface Sender {
    /** Returns where the message went (a file, or a server's id), for the run summary. */
    String send(Message message) throws DeliveryException;
}
