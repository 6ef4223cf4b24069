package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.bantin.report.AttackScene;
import vn.bantin.report.TemplateAttack;

/**
 * The attacks on a template as the officer meets them: {@code templates check} names each one and exits 2, and
 * {@code run} holds back the province bulletin (no PDF, no message to the leaders), tells the administrator, and still
 * sends the unit bulletins. The process outlives a loop without end and an OutOfMemoryError; the local web server
 * is never asked; the secret of the environment reaches no one. Messages are read back from a real SMTP server.
 */
class TemplateAttacksRunTest {
    private static final String ADMIN = "quantri@bacninh.gov.vn";
    private static final List<String> LEADERS = List.of("chutich@bacninh.gov.vn", "lanhdao.stttt@bacninh.gov.vn");
    private static final List<String> UNIT_CLERKS = List.of("vanthu.sxd@bacninh.gov.vn", "vanthu.stttt@bacninh.gov.vn");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    static Path shared;
    static AttackScene scene;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        scene = new AttackScene(shared);
    }

    @AfterAll
    static void stop() {
        scene.close();
    }

    static Stream<TemplateAttack> attacks() {
        List<TemplateAttack> all = new java.util.ArrayList<>(scene.attacks());
        all.add(new TemplateAttack("a loop without end", TemplateAttack.Target.TEXT, "String.valueOf(java.util.stream"
                + ".IntStream.range(0, Integer.MAX_VALUE).boxed().mapToInt(i -> java.util.stream.IntStream.range(0,"
                + " Integer.MAX_VALUE).max().orElse(0)).max().orElse(0))", "was still being filled after 3 s"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theAttackIsNamedByTemplatesCheckAndCostsOnlyItsBulletinInARun(TemplateAttack attack) throws Exception {
        Path templates = scene.templates(attack);
        Path config = configure(templates);
        String province = templates.resolve("province.jrxml").toString();

        CliRun check = CliRun.of("templates", "check", "--config", config.toString(), "--store", CliRun.store(tmp));
        assertEquals(2, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains(province + ":") && check.out().contains(attack.refusal()), check.out());

        CliRun run = CliRun.of("run", "--period", "2022-12", "--bulletin", "all", "--config", config.toString(),
                "--store", CliRun.store(tmp));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("province bulletin not made, so not sent to 2 recipient(s): " + province + ":")
                && run.err().contains(attack.refusal()), run.err());
        assertEquals(Map.of(UNIT_CLERKS.get(0), 1, UNIT_CLERKS.get(1), 1, ADMIN, 1), received(),
                "the unit bulletins went out, the leaders got nothing, the administrator was told");
        assertTrue(text(to(ADMIN)).contains(attack.refusal()), "the notice says what was refused");
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            assertFalse(GreenMailUtil.getWholeMessage(m).contains(AttackScene.SECRET), "no message carries the secret");
        }
        assertFalse((check.out() + check.err() + run.out() + run.err()).contains(AttackScene.SECRET));
        assertTrue(Files.notExists(tmp.resolve("out/2022-12/tinh/ban-tin-2022-12-tinh.pdf")), "no province bulletin written");
        assertTrue(Files.exists(tmp.resolve("out/2022-12/don-vi/ban-tin-2022-12-" + vn.bantin.delivery.FileNames.of("SXD") + ".pdf")));
        assertEquals(List.of(), scene.server().requests(), "no request reached the web server");
    }

    private Path configure(Path templates) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\ntemplates.dir=" + templates + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                + "\ntemplates.fill-timeout=PT3S"
                + "\nsmtp.host=127.0.0.1\nsmtp.port=" + MAIL.getSmtp().getPort() + "\nsmtp.security=none\nmail.admin=" + ADMIN
                + "\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n"
                + ",Chủ tịch UBND tỉnh," + LEADERS.get(0) + ",province\n"
                + ",Lãnh đạo Sở TTTT," + LEADERS.get(1) + ",province\n"
                + "SXD,Văn thư Sở Xây dựng," + UNIT_CLERKS.get(0) + ",unit\n"
                + "STTTT,Văn thư Sở TTTT," + UNIT_CLERKS.get(1) + ",unit\n", StandardCharsets.UTF_8);
        return config;
    }

    /** How many messages each address received. */
    private static Map<String, Integer> received() throws MessagingException {
        Map<String, Integer> count = new TreeMap<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            count.merge(((InternetAddress) m.getAllRecipients()[0]).getAddress(), 1, Integer::sum);
        }
        return count;
    }

    private static MimeMessage to(String address) throws MessagingException {
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            if (((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(address)) {
                return m;
            }
        }
        throw new AssertionError("nothing to " + address);
    }

    /** The plain-text part as the administrator's mail program shows it (decoded, not quoted-printable). */
    private static String text(MimeMessage m) throws Exception {
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) ((jakarta.mail.Multipart) m.getContent()).getBodyPart(0).getContent();
        return (String) parts.getBodyPart(0).getContent();
    }
}
