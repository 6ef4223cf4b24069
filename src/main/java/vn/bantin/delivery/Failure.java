package vn.bantin.delivery;

import java.io.FileNotFoundException;
import java.io.IOException;
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
 * <li>{@link #TRANSIENT}: may pass by itself (server down or busy, connection refused or cut, timeout, any 4xx
 * reply); try again after a while.</li>
 * <li>{@link #REJECTED}: the server refused this message to this recipient for good (a 5xx reply to RCPT, such as
 * 550 no such user, or to the message itself); record it and do not try again.</li>
 * <li>{@link #SETUP}: the server refuses us, whoever the recipient (wrong user or password, STARTTLS required but
 * not offered, untrusted certificate, our sender address refused, a missing attachment); no use trying again
 * until the settings are fixed, and no reason to mark the recipient rejected either.</li>
 * </ul>
 * Anything not recognised is transient: a recipient is only ever recorded rejected on a clear 5xx.
 */
public enum Failure {
    TRANSIENT, REJECTED, SETUP;

    private static final Pattern REPLY_CODE = Pattern.compile("response:\\s*\\[?(\\d{3})");

    /** The kind of failure {@code e} reports, from its cause. */
    public static Failure of(DeliveryException e) {
        return classify(e.getCause());
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
                return byCode(s.getReturnCode(), SETUP);
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
                    return byCode(Integer.parseInt(code.group(1)), SETUP);
                }
            }
            if (t instanceof IOException) {
                return TRANSIENT;
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
