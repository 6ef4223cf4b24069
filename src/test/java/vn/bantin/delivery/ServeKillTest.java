package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code serve} counterpart of {@link KillDuringDeliveryTest}: the real {@code serve}, each time in a JVM of its
 * own, takes a stored request for the province bulletin and is killed hard ({@code kill -9}) at a random moment of
 * its delivery, then started again, for {@code -Dbantin.serveKillRounds} rounds (4 by default, to keep the build
 * short; 20 by hand); a last {@code serve} then finishes on its own. Reports missed and duplicated messages: none may
 * be missed, and a kill may cost at most the one message in flight, sent again under the same Message-ID.
 */
class ServeKillTest {
    private static final int ROUNDS = Integer.getInteger("bantin.serveKillRounds", 4);
    private static final int RECIPIENTS = 60;
    private static final int BATCH = 20;

    /** Kept when the test fails: each round's serve log is in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private Path config;

    @Test
    void hardKillsOfServeMissNothingAndDuplicateAtMostTheMessageInFlightEach() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Process serve = null;
        try {
            // Short timeouts and a lease just longer than an attempt may take, as in the run's kill test. One send
            // job at a time, in batches of 20, so that a kill cuts one batch off with one message in flight while
            // others are done or still wait in Quartz's store.
            config = ChildRuns.config(tmp, greenMail.getSmtp().getPort(), "smtp.connect-timeout=PT2S\nsmtp.timeout=PT2S\n"
                    + "smtp.data-timeout=PT2S\nsmtp.attempt-limit=PT3S\ndelivery.lease=PT4S\n", ChildRuns.leaders(RECIPIENTS));
            Files.writeString(config.resolve("schedules.properties"), "time-zone=Asia/Ho_Chi_Minh\npoll-seconds=1\n"
                    + "checkin-seconds=1\nbatch-size=" + BATCH + "\nthreads=1\n", StandardCharsets.UTF_8);

            // The request is stored before any serve runs (the store takes one process at a time): the first serve
            // takes it at its start, each later one finishes what the killed one left.
            CliInTest queued = CliInTest.of("trigger", "--queue", "--bulletin", "province", "--period", "2022-12",
                    "--config", config.toString());
            assertEquals(0, queued.exitCode(), queued.toString());

            Random random = new Random(20221202L);
            int kills = 0;
            int killedMidDelivery = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int before = greenMail.getReceivedMessages().length;
                Path log = tmp.resolve("serve-" + round + ".log");
                serve = ChildRuns.start(log, "serve", "--config", config.toString());
                // A random moment of its delivery: after 1 to 3 more messages have arrived, and a few milliseconds,
                // so that the kill falls between two messages, inside an SMTP exchange, or between the 250 and the
                // ledger's mark; one round in five at a random moment of its start-up instead.
                if (random.nextInt(5) == 0) {
                    serve.waitFor(random.nextInt(4000), TimeUnit.MILLISECONDS);
                } else {
                    int more = 1 + random.nextInt(3);
                    Process s = serve;
                    await(s, log, "messages to arrive in round " + round, 2, () -> greenMail.getReceivedMessages().length >= before + more
                            || recipients(greenMail).size() == RECIPIENTS);
                    Thread.sleep(random.nextInt(40));
                }
                assertTrue(serve.isAlive(), "serve ended on its own in round " + round + ": " + read(log));
                serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                kills++;
                killedMidDelivery += greenMail.getReceivedMessages().length > before ? 1 : 0;
            }

            // With no serve running, `schedule` shows the batches the kills cut off as waiting for the next start
            // (Quartz keeps them under recovery triggers), not "nothing waits", while messages are missing.
            // Batch b holds lanhdao(20b-19) to lanhdao(20b), in the order of the recipients list.
            CliInTest waiting = CliInTest.of("schedule", "--config", config.toString());
            Set<String> reached = recipients(greenMail);
            for (int b = 1; b <= RECIPIENTS / BATCH; b++) {
                for (int i = (b - 1) * BATCH + 1; i <= b * BATCH; i++) {
                    if (!reached.contains("lanhdao" + i + "@bacninh.gov.vn")) {
                        assertTrue(waiting.out().contains("send province 2022-12 batch " + b + "/"),
                                "batch " + b + " (lanhdao" + i + " still missing) waits for the next start: " + waiting);
                        break;
                    }
                }
            }

            // A last serve, left alone: it finishes the cut-off batches and the request, and nothing waits any more.
            // It is asked through its socket only once it serves: before, the test would open the store itself.
            Path last = tmp.resolve("serve-last.log");
            serve = ChildRuns.start(last, "serve", "--config", config.toString());
            Process s = serve;
            await(s, last, "serve to start", 100, () -> read(last).contains("serving;"));
            await(s, last, "the request to end with nothing waiting", 300, this::requestEndedAndNothingWaits);
            String history = CliInTest.of("history", "--config", config.toString()).out();
            serve.destroy(); // SIGTERM: a clean stop
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), read(last));

            ChildRuns.Received received = ChildRuns.Received.by(greenMail);
            System.out.printf("serve kill test: %d rounds, %d kills (%d after messages had gone out), %d messages expected,"
                    + " %d missed, %d duplicated%n", ROUNDS, kills, killedMidDelivery, RECIPIENTS, received.missed(RECIPIENTS), received.duplicated());
            received.assertNoneMissedAtMostOneCopyPerKill(RECIPIENTS, kills, history);
            assertTrue(killedMidDelivery >= ROUNDS / 2, "the kills must land while messages go out: " + killedMidDelivery);
        } finally {
            if (serve != null && serve.isAlive()) {
                serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            greenMail.stop();
        }
    }

    /** Through the running serve's socket: the request's run is no longer running, and no send job waits. */
    private boolean requestEndedAndNothingWaits() {
        CliInTest history = CliInTest.of("history", "--config", config.toString());
        CliInTest schedule = CliInTest.of("schedule", "--config", config.toString());
        return history.out().lines().anyMatch(l -> l.contains("2022-12") && !l.contains(" running "))
                && schedule.out().contains("nothing waits in the store");
    }

    /** The addresses that received a message so far. */
    private static Set<String> recipients(GreenMail greenMail) {
        Set<String> to = new java.util.HashSet<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                to.add(m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }

    /** Polls until {@code done}, for at most two minutes; fails at once if serve ends meanwhile. */
    private static void await(Process serve, Path log, String what, int pollMillis, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!done.getAsBoolean()) {
            assertTrue(serve.isAlive(), "serve ended while waiting for " + what + ": " + read(log));
            assertTrue(System.nanoTime() < deadline, "no " + what + " within 120 s: " + read(log));
            Thread.sleep(pollMillis);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
