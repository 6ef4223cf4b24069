package vn.bantin.delivery;

import java.time.Duration;
import java.util.Locale;

/**
 * How to reach the mail server. The password is not here: {@code passwordVariable} names the environment
 * variable that holds it (so it is in no file of the repository, and this record can be printed and logged).
 * {@code username} empty means the server is used without authentication.
 *
 * <p>Every exchange has a bound: {@code connectTimeout} to open the connection, {@code timeout} for each reply and
 * each write, {@code dataTimeout} for the reply to the final dot (RFC 5321 §4.5.3.2.6 asks for 10 minutes: the
 * server may be checking the message), and {@code attemptLimit} for one whole attempt, however the server drips.
 */
public record SmtpSettings(String host, int port, Security security, String username, String passwordVariable,
                           Duration connectTimeout, Duration timeout, Duration dataTimeout, Duration attemptLimit) {

    public static final String DEFAULT_PASSWORD_VARIABLE = "BANTIN_SMTP_PASSWORD";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_DATA_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_ATTEMPT_LIMIT = Duration.ofMinutes(15);

    /** How the connection is protected. */
    public enum Security {
        /** Plain SMTP: only for a relay on the same machine or a test server. Default port 25. */
        NONE(25),
        /** SMTP upgraded with STARTTLS, which the server must offer (never falls back to plain). Default port 587. */
        STARTTLS(587),
        /** SMTP over TLS from the first byte. Default port 465. */
        SMTPS(465);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code none}, {@code starttls} or {@code smtps}, in any case. */
        public static Security parse(String text) {
            for (Security s : values()) {
                if (s.id().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a mail security; use none, starttls or smtps");
        }
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the mail server host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the mail server port " + port + " is not between 1 and 65535");
        }
        username = username == null ? "" : username.strip();
        passwordVariable = passwordVariable == null || passwordVariable.isBlank() ? DEFAULT_PASSWORD_VARIABLE : passwordVariable.strip();
        for (Duration d : new Duration[] {connectTimeout, timeout, dataTimeout, attemptLimit}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("mail server timeouts must be positive");
            }
        }
    }

    /** Settings with the default reply-to-the-final-dot timeout and attempt limit. */
    public SmtpSettings(String host, int port, Security security, String username, String passwordVariable,
                        Duration connectTimeout, Duration timeout) {
        this(host, port, security, username, passwordVariable, connectTimeout, timeout, DEFAULT_DATA_TIMEOUT,
                DEFAULT_ATTEMPT_LIMIT);
    }

    /** A server at {@code host} with the default port of {@code security}, no user, default timeouts. */
    public static SmtpSettings of(String host, Security security) {
        return new SmtpSettings(host, security.defaultPort(), security, "", DEFAULT_PASSWORD_VARIABLE,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    /**
     * The password's variable as told to people: by name only when it is the default. A value that is not the default
     * may be the password itself, written where its variable's name belongs, and a message must not carry it.
     */
    public String passwordVariableAsTold() {
        return passwordVariable.equals(DEFAULT_PASSWORD_VARIABLE) ? "the environment variable " + DEFAULT_PASSWORD_VARIABLE
                : "the environment variable that smtp.password-env names";
    }

    public boolean authenticates() {
        return !username.isEmpty();
    }

    /** {@code host:port}, as told to people. */
    public String server() {
        return host + ":" + port;
    }
}
