package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.BulletinRun;
import vn.bantin.run.RunListener;
import vn.bantin.run.RunRequest;
import vn.bantin.run.RunResult;
import vn.bantin.store.Database;

/**
 * The real {@code run}, each time in a JVM of its own, killed hard ({@code kill -9}) at a random moment, 20 times,
 * against a real SMTP server; then a run after the last lease has run out finishes what is left. Reports missed and
 * duplicated messages: none may be missed, and a kill may cost at most the one message in flight, sent again under
 * the same Message-ID.
 */
class KillDuringDeliveryTest {
    private static final int ROUNDS = 20;
    private static final int RECIPIENTS = 60;

    @TempDir
    Path tmp;

    @Test
    void twentyHardKillsMissNothingAndDuplicateAtMostTheMessageInFlightEach() throws Exception {
        int port = FreePort.find();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            // Short timeouts, and a lease just longer than an attempt may take, so that a round takes over the
            // claim of the process killed before it within seconds (the lease is checked against the attempt limit).
            Path config = ChildRuns.config(tmp, port, "smtp.connect-timeout=PT2S\nsmtp.timeout=PT2S\nsmtp.data-timeout=PT2S\n"
                    + "smtp.attempt-limit=PT3S\ndelivery.lease=PT4S\n", ChildRuns.leaders(RECIPIENTS));
            Settings settings = ConfigLoader.load(config);

            // The store is made before the rounds: a process killed while it creates a store leaves it half made (H2
            // commits each DDL statement), which is a risk of an upgrade, not of a delivery.
            Database.open(settings.store()).close();
            Random random = new Random(20221201L);
            int kills = 0;
            int killedMidDelivery = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int before = greenMail.getReceivedMessages().length;
                Process child = ChildRuns.start(tmp.resolve("child-" + round + ".log"), "run", "--period", "2022-12", "--bulletin",
                        "province", "--config", config.toString());
                // A random moment of its delivery: after 0 to 3 more messages have arrived, and a few milliseconds,
                // so that the kill falls between two messages, inside an SMTP exchange, or between the 250 and the
                // ledger's mark; one round in five at a random moment of its start-up instead.
                if (random.nextInt(5) == 0) {
                    child.waitFor(random.nextInt(3000), TimeUnit.MILLISECONDS);
                } else {
                    int more = random.nextInt(4);
                    // A bound for a child that never gets to send. With one minute, on a busy machine (load 20+ on 2
                    // cores), only 9 of the 13 rounds that wait for messages killed a child that had sent any.
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                    while (child.isAlive() && greenMail.getReceivedMessages().length < before + more && System.nanoTime() < deadline) {
                        Thread.sleep(2);
                    }
                    Thread.sleep(random.nextInt(40));
                }
                boolean alive = child.isAlive();
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                if (alive) {
                    kills++;
                    killedMidDelivery += greenMail.getReceivedMessages().length > before ? 1 : 0;
                }
            }

            // After the last lease has run out, as a later run would: it finishes what the killed ones left.
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5));
            RunResult r;
            try (Database db = Database.open(settings.store())) {
                r = new BulletinRun(settings, new SmtpSender(settings.mail().smtp(), settings.mailFrom(), later), later, RunListener.QUIET,
                        db.dataSource(), wait -> { }).run(new RunRequest(Period.parse("2022-12"), Set.of("province"), Set.of(), false, "test"));
            }

            ChildRuns.Received received = ChildRuns.Received.by(greenMail);
            System.out.printf("kill test: %d rounds, %d kills (%d after messages had gone out), %d messages expected, %d missed,"
                    + " %d duplicated%n", ROUNDS, kills, killedMidDelivery, RECIPIENTS, received.missed(RECIPIENTS), received.duplicated());
            received.assertNoneMissedAtMostOneCopyPerKill(RECIPIENTS, kills, "last run: " + r.deliveries());
            assertTrue(killedMidDelivery >= ROUNDS / 2, "the kills must land while messages go out: " + killedMidDelivery);
        } finally {
            greenMail.stop();
        }
    }
}
