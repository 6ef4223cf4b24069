package vn.bantin.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The CLI in a JVM of its own, as a user runs it, for tests where the process boundary matters (kills, two
 * senders): a config folder in a test's temporary folder that sends to a loopback SMTP server, and the child process.
 */
final class ChildRuns {
    private ChildRuns() {
    }

    /** What a kill test's mail server received: each recipient's Message-IDs, to count what was missed or sent twice. */
    record Received(Map<String, List<String>> idsByRecipient) {
        static Received by(com.icegreen.greenmail.util.GreenMail mail) throws jakarta.mail.MessagingException {
            Map<String, List<String>> ids = new TreeMap<>();
            for (jakarta.mail.internet.MimeMessage m : mail.getReceivedMessages()) {
                ids.computeIfAbsent(m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""), k -> new ArrayList<>())
                        .add(m.getMessageID());
            }
            return new Received(ids);
        }

        int missed(int expected) {
            return expected - idsByRecipient.size();
        }

        int duplicated() {
            return idsByRecipient.values().stream().mapToInt(ids -> ids.size() - 1).sum();
        }

        /**
         * Exactly once as far as SMTP allows: nobody missed, at most one second copy per kill (the message in flight),
         * and a second copy carries the Message-ID of the first; {@code context} says what the last sender saw.
         */
        void assertNoneMissedAtMostOneCopyPerKill(int expected, int kills, String context) {
            org.junit.jupiter.api.Assertions.assertEquals(0, missed(expected), "every recipient got the bulletin: "
                    + idsByRecipient.keySet() + "\n" + context);
            org.junit.jupiter.api.Assertions.assertTrue(duplicated() <= kills, duplicated() + " duplicates for " + kills
                    + " kills: " + idsByRecipient);
            idsByRecipient.forEach((to, ids) -> org.junit.jupiter.api.Assertions.assertEquals(1, Set.copyOf(ids).size(),
                    "a second copy carries the Message-ID of the first: " + to + " " + ids));
        }
    }

    /**
     * Writes {@code tmp/config}: the project's settings, sending to 127.0.0.1:{@code smtpPort} without TLS, with the
     * store, out and outbox in {@code tmp}, then {@code extraProperties}; and {@code recipientsCsv} (null: the
     * project's list).
     */
    static Path config(Path tmp, int smtpPort, String extraProperties, String recipientsCsv) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nsmtp.host=127.0.0.1\nsmtp.port=" + smtpPort + "\nsmtp.security=none\n"
                + vn.bantin.store.TestStores.properties(tmp.resolve("var"))
                + "out.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n" + extraProperties,
                StandardCharsets.UTF_8);
        if (recipientsCsv == null) {
            Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        } else {
            Files.writeString(config.resolve("recipients.csv"), recipientsCsv, StandardCharsets.UTF_8);
        }
        return config;
    }

    /** A recipients list of {@code n} leaders who receive the province bulletin: lanhdao1@…, lanhdao2@…. */
    static String leaders(int n) {
        StringBuilder csv = new StringBuilder("unit,name,email,bulletins\n");
        for (int i = 1; i <= n; i++) {
            csv.append(",Lãnh đạo ").append(i).append(",lanhdao").append(i).append("@bacninh.gov.vn,province\n");
        }
        return csv.toString();
    }

    /** Starts {@code bantin args} with the test's classpath, its output (and errors) to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Flags for a short-lived JVM: a third of the CPU time to reach the delivery.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "vn.bantin.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
