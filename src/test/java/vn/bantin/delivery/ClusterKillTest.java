package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.bantin.store.TestPostgres;

/**
 * Two {@code serve} nodes, each a JVM of its own, on one fresh PostgreSQL database and one real SMTP server
 * (GreenMail): a triggered unit run of 2022-12 (the 154 units' bulletins of config/recipients.csv, with the
 * province's for its 4 leaders: 158 messages, in send jobs of 20) is spread over both; one node is killed with
 * SIGKILL at a point of one of its batches, after it has sent some; the other recovers that batch (Quartz's
 * requestsRecovery, once the dead node's check-in is overdue) and completes the run. Every message arrives once,
 * except at most the one the killed node had inside its SMTP transaction, which comes again under the same
 * Message-ID. The kill point is read from the node's output and the store, never from a fixed wait.
 *
 * <p>Needs the PostgreSQL server of 127.0.0.1:5432; skipped with the reason without one (unless
 * BANTIN_REQUIRE_POSTGRES=1).
 */
class ClusterKillTest {
    /** 154 unit bulletins and the province's 4 leaders; one leader also receives a unit's bulletin. */
    private static final int MESSAGES = 158;
    private static final int ADDRESSES = 157;

    /** Where in one of its batches the node is killed. */
    enum KillPoint {
        /** Its send job has started (the line "start  send …") and is reading the exports: no render claim yet. */
        BEFORE_RENDER,
        /** It holds the render claim of the period: its bulletins are being rendered. */
        MID_RENDER,
        /** It has sent 3 messages of its next batch (of 20). */
        MID_DELIVERY
    }

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    /** The kill points to run: all, or those named in -Dbantin.clusterKillPoints=MID_RENDER,MID_DELIVERY. */
    static java.util.stream.Stream<KillPoint> points() {
        String only = System.getProperty("bantin.clusterKillPoints", "");
        return java.util.Arrays.stream(KillPoint.values())
                .filter(p -> only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(p.name()));
    }

    @ParameterizedTest(name = "a node killed {0}")
    @MethodSource("points")
    void aNodeKilledWithSigkillLeavesItsBatchToTheOtherAndNobodyGetsASecondCopy(KillPoint point) throws Exception {
        try (TestPostgres pg = TestPostgres.create()) {
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            List<Node> nodes = new ArrayList<>();
            try {
                Path config = clusterConfig(tmp, mail.getSmtp().getPort(), pg);
                nodes.add(Node.start(tmp.resolve("node-a.log"), config));
                nodes.add(Node.start(tmp.resolve("node-b.log"), config));
                for (Node n : nodes) {
                    n.await(nodes, "serve to start", () -> n.log().contains("serving;"));
                }

                CliInTest trigger = CliInTest.of("trigger", "--bulletin", "province,unit", "--period", "2022-12",
                        "--config", config.toString());
                assertEquals(0, trigger.exitCode(), trigger.toString());
                assertTrue(trigger.out().contains("stored request"), trigger.toString());

                // The node to kill: the first to have sent a message (so that it has done some of its batches)...
                Node victim = awaitFirst(nodes, "a node to send its first message", n -> n.sent() > 0);
                int startsBefore = victim.sendJobsStarted();
                // ...at the point asked, in one of its batches.
                switch (point) {
                    case BEFORE_RENDER -> victim.await(nodes, "its next send job to start",
                            () -> victim.sendJobsStarted() > startsBefore);
                    case MID_RENDER -> victim.await(nodes, "it to hold the render claim again",
                            () -> holdsRenderClaim(pg, victim) && victim.sendJobsStarted() > startsBefore);
                    case MID_DELIVERY -> victim.await(nodes, "3 messages of its next batch",
                            () -> victim.sendJobsStarted() > startsBefore && victim.sentInCurrentBatch() >= 3);
                }
                boolean claimAtKill = holdsRenderClaim(pg, victim);
                victim.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
                Node survivor = nodes.get(nodes.get(0) == victim ? 1 : 0);

                survivor.await(List.of(survivor), "every message to arrive", 500, () -> messageIds(mail).size() >= MESSAGES);
                survivor.await(List.of(survivor), "the cut-off batch to be taken over", 500, () -> survivor.log()
                        .contains("(re-run after an interrupted run)"));
                survivor.await(List.of(survivor), "the request to end with nothing waiting", 1000, () -> nothingWaits(config));
                survivor.process.destroy();
                assertTrue(survivor.process.waitFor(60, TimeUnit.SECONDS), survivor.log());

                Map<String, Integer> sentBy = sentByNode(pg);
                Map<String, Integer> copies = copiesByMessageId(mail);
                int duplicated = copies.values().stream().mapToInt(c -> c - 1).sum();
                System.out.printf("cluster kill test, %s: node %d killed (render claim held at the kill: %s) after %d"
                        + " message(s) of its own; %d messages expected, %d distinct received, %d second copies %s;"
                        + " sent by node: %s%n", point, victim.process.pid(), claimAtKill, victim.sent(), MESSAGES,
                        copies.size(), duplicated, copies.entrySet().stream().filter(e -> e.getValue() > 1)
                                .map(Map.Entry::getKey).toList(), sentBy);

                assertEquals(MESSAGES, copies.size(), "every message arrived, each under one Message-ID: " + copies.keySet());
                assertEquals(ADDRESSES, recipients(mail), "every recipient reached");
                assertTrue(duplicated <= 1, "at most the message in flight at the kill came twice: " + copies);
                assertEquals(MESSAGES, sentBy.values().stream().mapToInt(Integer::intValue).sum(),
                        "the ledger records every message as sent, with its node: " + sentBy);
                assertEquals(2, sentBy.size(), "both nodes sent some of the run: " + sentBy);
                assertTrue(sentBy.keySet().stream().anyMatch(n -> n.startsWith(victim.process.pid() + "@")),
                        "the killed node had sent some: " + sentBy);
                if (point == KillPoint.BEFORE_RENDER) {
                    assertTrue(!claimAtKill, "killed before it took the render claim");
                }
                if (point == KillPoint.MID_RENDER) {
                    assertTrue(claimAtKill, "killed while it held the render claim");
                }
            } finally {
                for (Node n : nodes) {
                    if (n.process.isAlive()) {
                        n.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    }
                }
                mail.stop();
            }
        }
    }

    /**
     * The project's config and recipients, mail to GreenMail, the store in {@code pg}; a check-in every 2 s and a
     * render lease of 6 s, so that a dead node's batch is taken over within seconds. The SMTP timeouts stay generous:
     * on a loaded machine a 2 s reply timeout makes a message "uncertain" and sends it twice with no kill at all; the
     * dead node's message claims are released at once in any case (it was a process of this machine).
     * Both nodes share the config, and so the out and outbox folders, as two nodes of one machine would.
     */
    static Path clusterConfig(Path tmp, int smtpPort, TestPostgres pg) throws IOException {
        Path config = ChildRuns.config(tmp, smtpPort, "smtp.connect-timeout=PT20S\nsmtp.timeout=PT30S\n"
                + "smtp.data-timeout=PT30S\nsmtp.attempt-limit=PT1M\ndelivery.lease=PT2M\nrender.lease=PT6S\n"
                + "store.url=" + pg.url() + "\nstore.user=" + TestPostgres.ADMIN + "\n", null);
        Files.writeString(config.resolve("schedules.properties"), "time-zone=Asia/Ho_Chi_Minh\npoll-seconds=1\n"
                + "checkin-seconds=2\nbatch-size=20\nthreads=1\n", StandardCharsets.UTF_8);
        return config;
    }

    /** A serve JVM and its log. */
    record Node(Process process, Path logFile) {
        static Node start(Path log, Path config) throws IOException {
            return new Node(ChildRuns.start(log, "serve", "--config", config.toString()), log);
        }

        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                return "";
            }
        }

        /** Messages this node handed to the mail server: RunLauncher prints one line each. */
        int sent() {
            return (int) log().lines().filter(l -> l.startsWith("    message ")).count();
        }

        /** Messages sent since its latest send job started. */
        int sentInCurrentBatch() {
            List<String> lines = log().lines().toList();
            int n = 0;
            for (int i = lines.size() - 1; i >= 0 && !lines.get(i).contains(" start  send "); i--) {
                n += lines.get(i).startsWith("    message ") ? 1 : 0;
            }
            return n;
        }

        int sendJobsStarted() {
            return (int) log().lines().filter(l -> l.contains(" start  send ")).count();
        }

        /**
         * Polls until {@code done}, for at most twelve minutes (a send job of 20 took over a minute on a 2-core
         * machine busy with other builds); fails at once if a node of {@code alive} ends.
         */
        void await(List<Node> alive, String what, BooleanSupplier done) throws InterruptedException {
            await(alive, what, 20, done);
        }

        void await(List<Node> alive, String what, int pollMillis, BooleanSupplier done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(12);
            while (!done.getAsBoolean()) {
                for (Node n : alive) {
                    assertTrue(n.process.isAlive(), "a serve ended while waiting for " + what + ": " + n.log());
                }
                assertTrue(System.nanoTime() < deadline, "no " + what + " within 12 min: " + log());
                Thread.sleep(pollMillis);
            }
        }
    }

    private static Node awaitFirst(List<Node> nodes, String what, java.util.function.Predicate<Node> done)
            throws InterruptedException {
        Node[] found = new Node[1];
        nodes.get(0).await(nodes, what, () -> {
            for (Node n : nodes) {
                if (done.test(n)) {
                    found[0] = n;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static boolean holdsRenderClaim(TestPostgres pg, Node node) {
        return count(pg, "SELECT COUNT(*) FROM render_claim WHERE holder LIKE ?", node.process.pid() + "@%") > 0;
    }

    private static int count(TestPostgres pg, String sql, String parameter) {
        try (Connection c = pg.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger's sent messages per node that sent them (delivery.sent_by). */
    private static Map<String, Integer> sentByNode(TestPostgres pg) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = pg.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT sent_by, COUNT(*) FROM delivery WHERE status = 'sent' AND period_key = '2022-12' GROUP BY sent_by");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(String.valueOf(r.getString(1)), r.getInt(2));
            }
        }
        return out;
    }

    /** {@code history} and {@code schedule} on the store: the request's run ended and no send job waits. */
    private static boolean nothingWaits(Path config) {
        CliInTest history = CliInTest.of("history", "--config", config.toString());
        CliInTest schedule = CliInTest.of("schedule", "--config", config.toString());
        return history.out().lines().anyMatch(l -> l.contains("2022-12") && !l.contains(" running "))
                && schedule.out().contains("nothing waits in the store");
    }

    private static Map<String, Integer> copiesByMessageId(GreenMail mail) throws MessagingException {
        Map<String, Integer> copies = new TreeMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            copies.merge(m.getMessageID(), 1, Integer::sum);
        }
        return copies;
    }

    private static java.util.Set<String> messageIds(GreenMail mail) {
        try {
            return copiesByMessageId(mail).keySet();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int recipients(GreenMail mail) throws MessagingException {
        java.util.Set<String> to = new java.util.HashSet<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            to.add(m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "").toLowerCase(java.util.Locale.ROOT));
        }
        return to.size();
    }
}
