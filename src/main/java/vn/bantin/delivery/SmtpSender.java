package vn.bantin.delivery;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Properties;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends each message to a mail server over SMTP (plain, STARTTLS or SMTPS, with or without authentication), one
 * connection per message, and returns the Message-ID the server accepted it under. A failure is a
 * {@link DeliveryException} whose {@link Failure#of kind} says whether to try again, and whose message says in
 * words what the server did.
 *
 * <p>The password is read from the environment variable the settings name, once, when the sender is made; it is
 * handed to the server and to nothing else: no exception message, no log line, no {@code toString}. Jakarta Mail's
 * protocol trace, if someone turns it on, leaves the authentication exchange out ({@code mail.debug.auth} false).
 */
public final class SmtpSender implements Sender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);
    /** Cuts off attempts that outlive the attempt limit; one daemon thread for all senders. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smtp-attempt-limit");
        t.setDaemon(true);
        return t;
    });

    private final SmtpSettings settings;
    private final MailFrom from;
    private final Clock clock;
    private final String protocol;
    private final Session session;
    private final String password;

    /** A sender that takes the password from the process environment. */
    public SmtpSender(SmtpSettings settings, MailFrom from, Clock clock) {
        this(settings, from, clock, System::getenv, new Properties());
    }

    /**
     * @param environment  looks up an environment variable by name ({@code System::getenv})
     * @param sessionExtra Jakarta Mail properties set after (and over) the ones made from the settings: for tests
     *                     (trusting a test server's certificate) and the rare server that needs a special one
     * @throws IllegalArgumentException when a user is set and the password variable is not
     */
    SmtpSender(SmtpSettings settings, MailFrom from, Clock clock, UnaryOperator<String> environment, Properties sessionExtra) {
        this.settings = settings;
        this.from = from;
        this.clock = clock;
        this.protocol = settings.security() == SmtpSettings.Security.SMTPS ? "smtps" : "smtp";
        if (settings.authenticates()) {
            String p = environment.apply(settings.passwordVariable());
            if (p == null || p.isEmpty()) {
                throw new IllegalArgumentException("the mail server " + settings.server() + " is set up with user '"
                        + settings.username() + "', whose password must be in " + settings.passwordVariableAsTold()
                        + ", which is not set");
            }
            this.password = p;
        } else {
            this.password = null;
        }
        Properties props = properties(settings, from);
        props.putAll(sessionExtra);
        this.session = Session.getInstance(props);
        this.session.setDebug(Boolean.parseBoolean(props.getProperty("mail.debug", "false")));
    }

    private Properties properties(SmtpSettings s, MailFrom from) {
        Properties p = new Properties();
        String k = "mail." + protocol + ".";
        p.setProperty(k + "host", s.host());
        p.setProperty(k + "port", Integer.toString(s.port()));
        p.setProperty(k + "auth", Boolean.toString(s.authenticates()));
        p.setProperty(k + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        p.setProperty(k + "timeout", Long.toString(s.timeout().toMillis()));
        p.setProperty(k + "writetimeout", Long.toString(s.timeout().toMillis()));
        if (s.security() == SmtpSettings.Security.STARTTLS) {
            p.setProperty(k + "starttls.enable", "true");
            // Never fall back to sending the password and the bulletin in clear text.
            p.setProperty(k + "starttls.required", "true");
        }
        if (s.security() != SmtpSettings.Security.NONE) {
            p.setProperty(k + "ssl.checkserveridentity", "true");
        }
        // The envelope sender, and the domain of the Message-ID, are the bulletin's sender.
        p.setProperty("mail.from", from.address());
        p.setProperty("mail.debug", "false");
        p.setProperty("mail.debug.auth", "false");
        p.setProperty("mail.debug.auth.username", "false");
        p.setProperty("mail.debug.auth.password", "false");
        return p;
    }

    @Override
    public String send(Message message) throws DeliveryException {
        return send(message, Handover.NONE);
    }

    /**
     * One attempt, bounded as a whole by the attempt limit: a watchdog closes the connection when it is reached.
     * {@code handover} hears of the final dot and of the server's 250 before QUIT; a failure after the dot with no
     * answer is {@link Failure#UNCERTAIN}.
     */
    @Override
    public String send(Message message, Handover handover) throws DeliveryException {
        String to = message.to().email();
        MimeMessage mime;
        try {
            mime = MimeMessages.build(session, from, message, ZonedDateTime.now(clock));
        } catch (MessagingException e) {
            throw new DeliveryException("the message to " + to + " could not be put together: " + e.getMessage(), e);
        }
        AttemptTransport transport = new AttemptTransport(session, protocol, settings.host(), settings.port(), handover,
                settings.dataTimeout(), settings.timeout());
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(transport::abort, settings.attemptLimit().toMillis(), TimeUnit.MILLISECONDS);
        try {
            transport.messageId(mime.getMessageID());
            transport.connect(settings.host(), settings.port(), settings.authenticates() ? settings.username() : null, password);
            transport.sendMessage(mime, mime.getAllRecipients());
            String id = mime.getMessageID();
            LOG.debug("{} accepted the message to {} as {}", settings.server(), to, id);
            return id;
        } catch (MessagingException e) {
            if (transport.accepted()) {
                return mimeId(mime);
            }
            if (transport.fateUnknown()) {
                throw new DeliveryException("no answer from the mail server " + settings.server() + " after the whole message to "
                        + to + " was sent (" + (transport.aborted() ? "the attempt reached its limit of " + seconds(settings.attemptLimit())
                        : reply(innermost(e).getMessage())) + "): it may have kept the message", e, Failure.UNCERTAIN);
            }
            if (transport.aborted()) {
                throw new DeliveryException("the mail server " + settings.server() + " did not finish with the message to " + to
                        + " within the attempt limit of " + seconds(settings.attemptLimit()) + " (smtp.attempt-limit); it answers"
                        + " too slowly", e, Failure.UNREACHABLE);
            }
            throw new DeliveryException(describe(e, to), e);
        } finally {
            watchdog.cancel(false);
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // QUIT after the answer: nothing depends on it
            }
        }
    }

    private static String mimeId(MimeMessage mime) {
        try {
            return mime.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** One sentence on what the server did; never holds the password (the server's replies do not either). */
    private String describe(MessagingException e, String to) {
        String server = "the mail server " + settings.server();
        Failure kind = Failure.classify(e);
        Throwable root = innermost(e);
        SMTPAddressFailedException address = find(e, SMTPAddressFailedException.class);
        if (address != null) {
            return server + (kind == Failure.REJECTED ? " refused " : " did not take, for now, ") + to + ": " + reply(address.getMessage());
        }
        if (find(e, AuthenticationFailedException.class) != null) {
            return server + " did not accept user '" + settings.username() + "' with the password of "
                    + settings.passwordVariableAsTold() + ": " + reply(e.getMessage());
        }
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (text.contains("STARTTLS")) {
            return server + " does not offer STARTTLS, and this setup never sends in clear text; use security smtps"
                    + " if the server offers it, or the server's submission port";
        }
        SMTPSenderFailedException sender = find(e, SMTPSenderFailedException.class);
        if (sender != null) {
            return server + " refused the sender address " + from.address() + ": " + reply(sender.getMessage())
                    + "; the server must accept it as a sender (mail.from)";
        }
        SMTPSendFailedException refused = find(e, SMTPSendFailedException.class);
        if (refused != null && refused.getReturnCode() > 0) {
            return server + " refused the message to " + to + ": " + reply(refused.getMessage());
        }
        if (find(e, SSLHandshakeException.class) != null) {
            return "no secure connection with " + server + ": " + root.getMessage() + "; if its certificate comes from an"
                    + " authority of its own, add that authority to the trust store of this Java";
        }
        if (find(e, SSLException.class) != null) {
            return "no secure connection with " + server + ": " + root.getMessage();
        }
        if (root instanceof ConnectException) {
            return "cannot connect to " + server + " (" + root.getMessage() + "); is it running and reachable?";
        }
        if (root instanceof UnknownHostException) {
            return "cannot find " + server + ": unknown host " + settings.host();
        }
        if (root instanceof SocketTimeoutException) {
            return server + " did not answer within " + seconds(settings.timeout()) + " (smtp.timeout); is it overloaded, or is "
                    + settings.port() + " not its SMTP port?";
        }
        return "sending to " + to + " through " + settings.server() + " failed: " + reply(root.getMessage() == null
                ? text : root.getMessage());
    }

    private static String reply(String text) {
        return text == null ? "no reply" : text.strip().replaceAll("\\s+", " ");
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable innermost(Throwable e) {
        Throwable t = e;
        for (Throwable n = next(t); n != null; n = next(n)) {
            t = n;
        }
        return t;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
