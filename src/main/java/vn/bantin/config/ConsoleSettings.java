package vn.bantin.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console's settings: where it listens ({@code console.listen}, loopback by default, so that only a reverse
 * proxy on the same machine reaches it) and whether its session cookie is marked Secure ({@code console.secure-cookie},
 * for a console reached through HTTPS).
 */
public record ConsoleSettings(Listen listen, boolean secureCookie) {
    public static final String DEFAULT_LISTEN = "127.0.0.1:8080";

    /** A host (name, IPv4, or [IPv6]) and a port. */
    public record Listen(String host, int port) {
        private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):(\\d{1,5})");

        public static Optional<Listen> parse(String text) {
            Matcher m = FORM.matcher(text.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            int port = Integer.parseInt(m.group(2));
            if (port > 65535) {
                return Optional.empty();
            }
            String host = m.group(1);
            return Optional.of(new Listen(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port));
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
