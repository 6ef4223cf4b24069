package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * The real {@code serve}, in JVMs of its own, against a real mail server (GreenMail):
 * <ul>
 * <li>a {@code trigger} of all bulletins is one run in {@code history}, with the totals of all its batches;</li>
 * <li>killed with {@code kill -9} in the middle of a send and started again, it finishes the delivery by itself:
 * every message arrives, and at most the ones in flight at the kill arrive twice: one per batch the service was
 * running at the same time ({@code threads=2}).</li>
 * </ul>
 */
class ServeRecoveryTest {
    /** The first 20 lines of the sample's recipients: 4 province messages and 17 unit messages a period. */
    private static final int RECIPIENT_LINES = 20;
    /** Batches one service runs at the same time: each can have one message inside its SMTP transaction at the kill. */
    private static final int THREADS = 2;

    @TempDir
    Path tmp;

    private Path config;

    @Test
    void aTriggerIsOneRunAndAKilledServiceFinishesTheDeliveryAfterARestart() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Process serve = null;
        try {
            config = config(mail.getSmtp().getPort());
            List<String> expected = expectedMessages();
            int perPeriod = expected.size();
            assertEquals(21, perPeriod);

            serve = serve("serve-1.log");
            awaitLog("serving;", serve, "serve-1.log");
            trigger("2022-11");
            await("the November messages", () -> received(mail, "11/2022") == perPeriod && requestEnded("2022-11"), serve, "serve-1.log");

            CliRun history = CliRun.of("history", "--config", config.toString());
            List<String> lines = history.out().lines().filter(l -> l.contains("2022-11")).toList();
            assertEquals(1, lines.size(), "one run for the trigger\n" + history.out());
            assertTrue(lines.get(0).contains("province+unit") && lines.get(0).contains("succeeded"), history.out());
            assertTrue(history.out().contains("18 made, 21 sent, 0 sent before, 0 not delivered in 5 batches"), history.out());
            assertTrue(!history.out().contains("{"), "no Java map in history\n" + history.out());
            long servedBy = serve.pid();
            assertEquals(5, history.out().lines().filter(l -> l.matches("    #\\d+ (province|unit) succeeded on " + servedBy + "@.*")).count(),
                    "each batch with the node that ran it\n" + history.out());

            // December: kill -9 once some of its messages are out, mid-delivery.
            trigger("2022-12");
            await("some December messages", () -> received(mail, "12/2022") >= 3, serve, "serve-1.log");
            serve.destroyForcibly(); // SIGKILL: no shutdown hook, no recorded end
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
            int beforeRestart = received(mail, "12/2022");
            assertTrue(beforeRestart < perPeriod, "killed mid-delivery: " + beforeRestart + " of " + perPeriod);

            serve = serve("serve-2.log");
            await("every December message after the restart", () -> everyOneGot(mail, "12/2022", expected), serve, "serve-2.log");
            await("the December request to end", () -> requestEnded("2022-12"), serve, "serve-2.log");
            Map<String, Integer> december = perMessage(mail, "12/2022");
            int duplicates = december.values().stream().mapToInt(n -> n - 1).sum();
            assertTrue(december.values().stream().allMatch(n -> n <= 2), "no message more than twice: " + december);
            assertTrue(duplicates <= THREADS, "at most the messages in flight twice, one per running batch: " + december);
            assertEquals(perPeriod, perMessage(mail, "11/2022").size());

            // One run for the December trigger: a batch cut off by the kill is marked abandoned, and the same batch
            // run again after the restart decides how the run ended.
            CliRun after = CliRun.of("history", "--config", config.toString());
            List<String> decemberLines = after.out().lines().filter(l -> l.contains("2022-12")).toList();
            assertEquals(1, decemberLines.size(), after.out());
            assertTrue(decemberLines.get(0).contains("succeeded"), after.out());
            assertTrue(after.out().contains(" 0 not delivered in "), after.out());
        } finally {
            if (serve != null && serve.isAlive()) {
                serve.destroy();
                assertTrue(serve.waitFor(60, TimeUnit.SECONDS), log("serve-2.log"));
            }
            mail.stop();
        }
    }

    private Path config(int smtpPort) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(dir.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                + "\n" + vn.bantin.store.TestStores.properties(tmp.resolve("var"))
                + "smtp.host=127.0.0.1\nsmtp.port=" + smtpPort + "\nsmtp.security=none\n", StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(Path.of("config/recipients.csv"), StandardCharsets.UTF_8);
        Files.write(dir.resolve("recipients.csv"), lines.subList(0, RECIPIENT_LINES + 1), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("schedules.properties"), "time-zone=Asia/Ho_Chi_Minh\npoll-seconds=1\ncheckin-seconds=1\n"
                + "batch-size=5\nthreads=" + THREADS + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    /** "address|bulletin" of every message a period has, from the recipients file. */
    private List<String> expectedMessages() throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(config.resolve("recipients.csv")).subList(1, RECIPIENT_LINES + 1)) {
            String[] f = line.split(",");
            for (String b : f[3].split(";")) {
                out.add(f[2] + "|" + b);
            }
        }
        return out;
    }

    private Process serve(String logName) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "vn.bantin.cli.Main", "serve",
                "--config", config.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve(logName).toFile()).start();
    }

    private void trigger(String period) {
        CliRun r = CliRun.of("trigger", "--bulletin", "province,unit", "--period", period, "--config", config.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    /** Whether the request of this period is recorded as ended (no batch running). */
    private boolean requestEnded(String period) {
        CliRun h = CliRun.of("history", "--config", config.toString());
        return h.out().lines().anyMatch(l -> l.contains(period) && !l.contains(" running "));
    }

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,2}/\\d{4})");

    /** Messages received per "address|subject" for a month such as "12/2022" (the subject names the month). */
    private static Map<String, Integer> perMessage(GreenMail mail, String month) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            Matcher p = PERIOD.matcher(m.getSubject());
            if (p.find() && p.group(1).endsWith(month)) {
                out.merge(m.getAllRecipients()[0].toString() + "|" + m.getSubject(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static int received(GreenMail mail, String month) {
        try {
            return perMessage(mail, month).values().stream().mapToInt(Integer::intValue).sum();
        } catch (Exception e) {
            return 0;
        }
    }

    private static boolean everyOneGot(GreenMail mail, String month, List<String> expected) {
        try {
            return perMessage(mail, month).size() == expected.size();
        } catch (Exception e) {
            return false;
        }
    }

    private String log(String name) {
        try {
            return Files.readString(tmp.resolve(name));
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitLog(String text, Process serve, String logName) throws InterruptedException {
        await("'" + text + "' in the log", () -> log(logName).contains(text), serve, logName);
    }

    private void await(String what, BooleanSupplier done, Process serve, String logName) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (!done.getAsBoolean()) {
            assertTrue(serve.isAlive(), "serve ended while waiting for " + what + ": " + log(logName));
            assertTrue(System.nanoTime() < deadline, "no " + what + " within 150 s: " + log(logName));
            Thread.sleep(200);
        }
    }
}
