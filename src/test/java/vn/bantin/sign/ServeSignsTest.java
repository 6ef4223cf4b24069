package vn.bantin.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import vn.bantin.cli.ServeProcess;
import vn.bantin.delivery.CliInTest;
import vn.bantin.delivery.ReceivedAttachments;

/**
 * {@code serve} signs what it sends, as {@code run} does: the real service in a JVM of its own with
 * {@code sign.keystore} set, a {@code trigger} sent in small batches, then an operator's "run now" through the
 * console's API. Every PDF that reaches the mail server passes the product's verifier, and the administrator hears
 * about the certificate that expires in 20 days once that day, not once per batch or per run.
 */
class ServeSignsTest {
    private static final String SIGNER = "Sở Khoa học và Công nghệ tỉnh Bắc Ninh";
    private static final String ADMIN = "quantri@bacninh.gov.vn";

    @TempDir
    Path tmp;

    @Test
    void aTriggeredBatchAndAConsoleRunSendSignedPdfsAndTheAdministratorIsWarnedOnce() throws Exception {
        TestKeystore keys = TestKeystore.valid(Files.createDirectories(tmp.resolve("keys")), "signer", System.getenv("PATH"),
                SIGNER, 20);
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path config = CliInTest.config(tmp, mail.getSmtp().getPort(), "sign.keystore=" + keys.file()
                + "\nsign.password-env=PATH\nmail.admin=" + ADMIN + "\nconsole.listen=127.0.0.1:0\n");
        // Batches of two: the December trigger is several batches, each of them a run that opens the key.
        Files.writeString(config.resolve("schedules.properties"), "time-zone=Asia/Ho_Chi_Minh\npoll-seconds=1\n"
                + "checkin-seconds=1\nbatch-size=2\n", StandardCharsets.UTF_8);
        try (ServeProcess serve = ServeProcess.start(config, tmp.resolve("serve.log"))) {
            serve.await("serve to start", () -> serve.log().contains("serving;"));
            CliInTest trigger = CliInTest.of("trigger", "--bulletin", "province,unit", "--period", "2022-12", "--config",
                    config.toString());
            assertEquals(0, trigger.exitCode(), trigger.toString());
            serve.await("the five December messages", () -> bulletins(mail, "12/2022").size() == 5);

            ServeProcess.Ran add = ServeProcess.command("mật khẩu của vận hành\n", "users", "add", "op", "--role", "operator",
                    "--config", config.toString());
            assertEquals(0, add.exitCode(), add.out() + add.err());
            ServeProcess.Ran token = ServeProcess.command("", "users", "token", "op", "--config", config.toString());
            assertEquals(0, token.exitCode(), token.err());
            Matcher port = Pattern.compile("web console on http://127\\.0\\.0\\.1:(\\d+)/").matcher(serve.log());
            assertTrue(port.find(), serve.log());
            HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port.group(1) + "/api/run"))
                    .header("Authorization", "Bearer " + token.out().strip()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"bulletin\":\"province\",\"period\":\"2022-11\",\"mode\":\"send\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, started.statusCode(), started.body());
            serve.await("the four November messages of the console's run", () -> bulletins(mail, "11/2022").size() == 4);

            Map<String, byte[]> received = ReceivedAttachments.of(mail.getReceivedMessages());
            List<String> pdfs = received.keySet().stream().filter(k -> k.endsWith(".pdf")).sorted().toList();
            assertEquals(9, pdfs.size(), received.keySet().toString());
            for (String name : pdfs) {
                Path pdf = tmp.resolve(name.replace('/', '_'));
                Files.write(pdf, received.get(name));
                SignatureReport report = new SignatureVerifier(List.of()).verify(pdf);
                assertTrue(report.valid(), name + ": " + report);
                assertEquals(SIGNER, report.signatures().get(0).signer(), name);
            }
            assertEquals(List.of("bantin: chứng thư số ký bản tin sắp hết hạn (2022-12)"), subjectsTo(mail, ADMIN),
                    "one warning for the day, though several batches and a console run opened the key");
        } finally {
            mail.stop();
        }
    }

    /** The subjects of the bulletin messages received for {@code period} ("12/2022"), the administrator's aside. */
    private static List<String> bulletins(GreenMail mail, String period) {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                if (!m.getAllRecipients()[0].toString().contains(ADMIN) && m.getSubject().contains(period)) {
                    out.add(m.getSubject());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static List<String> subjectsTo(GreenMail mail, String address) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().contains(address)) {
                out.add(m.getSubject());
            }
        }
        return out;
    }
}
