package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
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
import vn.bantin.store.DeliveryLedger;

/**
 * The CLI run, in a JVM of its own, is killed hard (SIGKILL) in the middle of delivering the unit bulletins to a
 * real SMTP server; running again delivers the rest. Nobody is skipped, and nobody gets a second copy, but for
 * at most the one message that was inside its SMTP transaction when the process died (no protocol can tell whether
 * the server kept it: that copy is sent again once its claim's lease has run out).
 */
class CrashedDeliveryTest {
    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidDeliveryIsCompletedByTheNextWithoutSkippingAnyone() throws Exception {
        int port = FreePort.find();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            Path config = ChildRuns.config(tmp, port, "", null);
            Settings settings = ConfigLoader.load(config);
            int expected = (int) settings.recipients().stream().filter(r -> r.receives("unit")).count();

            Process child = ChildRuns.start(tmp.resolve("child.log"), "run", "--period", "2022-12", "--bulletin", "unit", "--config",
                    config.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (greenMail.getReceivedMessages().length < 20 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int beforeCrash = greenMail.getReceivedMessages().length;
            assertTrue(beforeCrash >= 20 && beforeCrash < expected, "killed mid-delivery after " + beforeCrash + " of " + expected
                    + " messages: " + Files.readString(tmp.resolve("child.log")));

            // The next run, after the dead process's claim has expired (as a later schedule or catch-up would be).
            Clock later = Clock.offset(Clock.systemUTC(), DeliveryLedger.DEFAULT_LEASE.plus(Duration.ofMinutes(1)));
            RunResult r;
            try (Database db = Database.open(settings.store())) {
                r = new BulletinRun(settings, new SmtpSender(settings.mail().smtp(), settings.mailFrom(), later), later, RunListener.QUIET,
                        db.dataSource(), wait -> { }).run(new RunRequest(Period.parse("2022-12"), java.util.Set.of("unit"),
                        java.util.Set.of(), false, "test"));
            }
            assertEquals(0, r.failedDeliveries(), r.deliveries().toString());

            Map<String, Integer> copies = new TreeMap<>();
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                copies.merge(m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""), 1, Integer::sum);
            }
            assertEquals(expected, copies.size(), "every unit's văn thư got their bulletin");
            long twice = copies.values().stream().filter(n -> n > 1).count();
            assertTrue(twice <= 1 && copies.values().stream().allMatch(n -> n <= 2),
                    "at most the one message in flight at the kill is sent again: " + copies);
        } finally {
            greenMail.stop();
        }
    }

}
