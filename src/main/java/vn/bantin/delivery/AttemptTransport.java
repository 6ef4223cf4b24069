package vn.bantin.delivery;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.Socket;
import java.time.Duration;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP attempt with Angus' transport, plus what "exactly once" needs from it: the ledger is told just before
 * the final dot and as soon as the server answers 250 to it (not after QUIT), the reply to the dot may take
 * {@code dataTimeout} (longer than the other replies), and the whole attempt can be cut off from another thread
 * ({@link #abort}) when it outlives its limit, which per-read timeouts alone cannot do against a server that drips.
 */
final class AttemptTransport extends SMTPTransport {
    /** Angus keeps the connection in this field and offers no getter; {@link #abort} must close it from outside. */
    private static final Field SOCKET = socketField();

    private final Sender.Handover handover;
    private final Duration dataTimeout;
    private final Duration timeout;
    private volatile boolean aborted;
    private volatile boolean pastFinalDot;
    private volatile boolean answered;
    private volatile boolean accepted;
    private String acceptedId;

    AttemptTransport(Session session, String protocol, String host, int port, Sender.Handover handover, Duration dataTimeout,
                     Duration timeout) {
        super(session, new URLName(protocol, host, port, null, null, null), protocol, protocol.equals("smtps"));
        this.handover = handover;
        this.dataTimeout = dataTimeout;
        this.timeout = timeout;
    }

    /** The Message-ID the message goes by, for {@link Sender.Handover#accepted}. */
    void messageId(String id) {
        this.acceptedId = id;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        handover.finalDot();
        pastFinalDot = true;
        soTimeout(dataTimeout);
        try {
            super.finishData();
        } catch (MessagingException | IOException e) {
            // A reply with a code (4xx, 5xx) is a definite answer; no reply at all leaves the fate unknown.
            answered = getLastReturnCode() >= 400;
            throw e;
        }
        answered = true;
        accepted = true;
        handover.accepted(acceptedId);
        soTimeout(timeout);
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (aborted) {
            throw new MessagingException("the attempt ran out of time");
        }
        return super.readServerResponse();
    }

    /** Cuts the attempt off: closes the connection under the thread that is blocked on it. */
    void abort() {
        aborted = true;
        Socket s = socket();
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    boolean aborted() {
        return aborted;
    }

    /** The final dot went (or was going) to the server and no reply with a code came back. */
    boolean fateUnknown() {
        return pastFinalDot && !answered;
    }

    /** The server answered 250 to the final dot. */
    boolean accepted() {
        return accepted;
    }

    private void soTimeout(Duration d) {
        Socket s = socket();
        if (s != null) {
            try {
                s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, d.toMillis()));
            } catch (IOException ignored) {
                // a closed socket fails the next read anyway
            }
        }
    }

    private Socket socket() {
        try {
            return SOCKET == null ? null : (Socket) SOCKET.get(this);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Field socketField() {
        try {
            Field f = SMTPTransport.class.getDeclaredField("serverSocket");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
