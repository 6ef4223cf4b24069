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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** Every run is recorded as it ended: one that stops on a missing file, and one stopped by SIGTERM. */
class RunRecordTest {
    @TempDir
    Path tmp;

    @Test
    void aRunThatStopsOnAMissingFileIsRecordedAsFailedWithTheReason() throws IOException {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        Files.delete(data.resolve("feedback.csv"));
        String store = CliRun.store(tmp);
        CliRun r = CliRun.of("run", "--period", "2022-12", "--data", data.toString(), "--store", store,
                "--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());

        CliRun history = CliRun.of("history", "--store", store);
        List<String> lines = history.out().lines().toList();
        assertTrue(lines.get(1).contains("2022-12") && lines.get(1).contains("failed"), history.out());
        assertTrue(history.out().contains("feedback.csv"), "the reason is recorded\n" + history.out());
    }

    @Test
    void sigtermFinishesTheMessageInFlightAndRecordsTheRunAsInterrupted() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            Path config = Files.createDirectories(tmp.resolve("config"));
            Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                    + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                    + "\n" + vn.bantin.store.TestStores.properties(tmp.resolve("var")) + "smtp.host=127.0.0.1\nsmtp.port=" + mail.getSmtp().getPort()
                    + "\nsmtp.security=none\n", StandardCharsets.UTF_8);
            List<String> recipients = Files.readAllLines(Path.of("config/recipients.csv"), StandardCharsets.UTF_8).subList(0, 41);
            Files.write(config.resolve("recipients.csv"), recipients, StandardCharsets.UTF_8);
            int messages = recipients.stream().skip(1).mapToInt(l -> l.split(",")[3].split(";").length).sum();

            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process run = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "vn.bantin.cli.Main", "run",
                    "--period", "2022-12", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("run.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (mail.getReceivedMessages().length == 0) {
                assertTrue(run.isAlive() && System.nanoTime() < deadline, "no message within 120 s: " + log());
                Thread.sleep(20);
            }
            run.destroy(); // SIGTERM
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), log());
            assertEquals(1, run.exitValue(), log());
            assertTrue(log().contains("SIGTERM: stopping after the message in flight"), log());
            int beforeStop = mail.getReceivedMessages().length;
            assertTrue(beforeStop < messages, "stopped early: " + beforeStop + " of " + messages + "\n" + log());

            CliRun history = CliRun.of("history", "--config", config.toString());
            assertTrue(history.out().lines().skip(1).findFirst().orElse("").contains("interrupted"), history.out());

            CliRun rest = CliRun.of("run", "--period", "2022-12", "--config", config.toString());
            assertEquals(0, rest.exitCode(), rest.out() + rest.err());
            Map<String, Integer> received = new TreeMap<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                received.merge(m.getAllRecipients()[0] + "|" + m.getSubject(), 1, Integer::sum);
            }
            assertEquals(messages, received.size(), "everyone got theirs");
            assertTrue(received.values().stream().allMatch(n -> n == 1), "none twice: a stop on request cuts no message: " + received);
        } finally {
            mail.stop();
        }
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("run.log"));
        } catch (IOException e) {
            return "";
        }
    }
}
