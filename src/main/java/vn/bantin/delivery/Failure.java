package vn.bantin.delivery;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLHandshakeException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a failed send means for what to do next, read from the exception that caused it.
 * <ul>
 * <li>{@link #TRANSIENT}: this message may go later (a 4xx reply to its recipient or to its data); try again after
 * a while.</li>
 * <li>{@link #UNREACHABLE}: the server cannot be reached or does not serve anyone now (connection refused or cut,
 * no greeting, a timeout before the final dot, a 4xx greeting or reply to the sender); no other message would fare
 * better, so the whole delivery waits and tries again as a whole.</li>
 * <li>{@link #UNCERTAIN}: the message went past the final dot and no answer came; the server may have kept it.</li>
 * <li>{@link #LOCAL}: the outbox folder cannot take the message (read-only, disk full); waiting does not fix it,
 * so the delivery stops at once and the next run tries again.</li>
 * <li>{@link #REJECTED}: the server refused this message to this recipient for good (a 5xx reply to RCPT, such as
 * 550 no such user, or to the message itself); record it and do not try again.</li>
 * <li>{@link #SETUP}: the server refuses us, whoever the recipient (wrong user or password, STARTTLS required but
 * not offered, untrusted certificate, our sender address refused, a missing attachment); no use trying again
 * until the settings are fixed, and no reason to mark the recipient rejected either.</li>
 * </ul>
 * Anything not recognised is transient: a recipient is only ever recorded rejected on a clear 5xx.
 */
public enum Failure {
    TRANSIENT, UNREACHABLE, UNCERTAIN, LOCAL, REJECTED, SETUP;

    private static final Pattern REPLY_CODE = Pattern.compile("response:\\s*\\[?(\\d{3})");

    /** The kind of failure {@code e} reports, from its cause. */
    public static Failure of(DeliveryException e) {
        return e.kind() != null ? e.kind() : classify(e.getCause());
    }

    /** Whether waiting and trying again may help. */
    public boolean mayPass() {
        return this == TRANSIENT || this == UNREACHABLE;
    }

    static Failure classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = next(t)) {
            if (t instanceof AuthenticationFailedException || t instanceof SSLHandshakeException
                    || t instanceof FileNotFoundException || t instanceof NoSuchFileException) {
                return SETUP;
            }
            if (t instanceof SMTPAddressFailedException a) {
                return byCode(a.getReturnCode(), REJECTED);
            }
            if (t instanceof SMTPSenderFailedException s) {
                return s.getReturnCode() >= 500 ? SETUP : UNREACHABLE;
            }
            if (t instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("Read-only")
                    || t instanceof AccessDeniedException || t instanceof IOException io && io.getMessage() != null
                    && io.getMessage().contains("No space left")) {
                return LOCAL;
            }
            if (t instanceof SMTPSendFailedException s && !hasNested(t)) {
                // The message itself was refused (after DATA: too large, judged spam): permanent for this message.
                return byCode(s.getReturnCode(), REJECTED);
            }
            if (t instanceof MessagingException m && m.getMessage() != null) {
                String text = m.getMessage();
                if (text.contains("STARTTLS")) {
                    return SETUP;
                }
                Matcher code = REPLY_CODE.matcher(text);
                if (code.find()) {
                    // A reply to no recipient in particular (the greeting, EHLO, MAIL): the server's state, not ours.
                    int reply = Integer.parseInt(code.group(1));
                    return reply >= 500 && reply < 600 ? SETUP : UNREACHABLE;
                }
            }
            if (t instanceof IOException) {
                return UNREACHABLE;
            }
        }
        return TRANSIENT;
    }

    /** 5xx is permanent (of the given kind), anything else (4xx, or no code) may pass. */
    private static Failure byCode(int code, Failure permanent) {
        return code >= 500 && code < 600 ? permanent : TRANSIENT;
    }

    private static boolean hasNested(Throwable t) {
        return t instanceof MessagingException m && m.getNextException() != null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
