package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.report.TemplatesCopy;

/**
 * Fail closed: a broken template stops only the bulletins made from it. Nothing of them is sent, the administrator is
 * told in the words of {@code templates check}, the other bulletins go out, and the run after the fix sends what was
 * held back without sending anything twice. Messages are read back from a real SMTP server.
 */
class BrokenTemplateRunTest {
    private static final String ADMIN = "quantri@bacninh.gov.vn";
    private static final List<String> LEADERS = List.of("chutich@bacninh.gov.vn", "lanhdao.stttt@bacninh.gov.vn");
    private static final List<String> UNIT_CLERKS = List.of("vanthu.sxd@bacninh.gov.vn", "vanthu.stttt@bacninh.gov.vn");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;
    private Path templates;
    private Path config;

    @BeforeEach
    void configure() throws IOException {
        templates = TemplatesCopy.into(tmp.resolve("templates"));
        config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\ntemplates.dir=" + templates + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                + "\nsmtp.host=127.0.0.1\nsmtp.port=" + MAIL.getSmtp().getPort() + "\nsmtp.security=none\nmail.admin=" + ADMIN
                + "\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n"
                + ",Chủ tịch UBND tỉnh," + LEADERS.get(0) + ",province\n"
                + ",Lãnh đạo Sở TTTT," + LEADERS.get(1) + ",province\n"
                + "SXD,Văn thư Sở Xây dựng," + UNIT_CLERKS.get(0) + ",unit\n"
                + "STTTT,Văn thư Sở TTTT," + UNIT_CLERKS.get(1) + ",unit\n", StandardCharsets.UTF_8);
    }

    @Test
    void brokenXmlStopsTheProvinceBulletinWhileTheUnitBulletinsGoOut() throws Exception {
        Path province = templates.resolve("province.jrxml");
        String good = Files.readString(province);
        int line = lineOf(good, "<title");
        Files.writeString(province, good.replaceFirst("<title", "<title <"), StandardCharsets.UTF_8);
        String where = province + ":" + line + ": not well-formed XML";

        CliRun check = CliRun.of("templates", "check", "--config", config.toString(), "--store", CliRun.store(tmp));
        assertEquals(2, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains(where), check.out());

        CliRun run = run();
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("province bulletin not made, so not sent to 2 recipient(s): " + where), run.err());
        assertEquals(Map.of(UNIT_CLERKS.get(0), 1, UNIT_CLERKS.get(1), 1, ADMIN, 1), received(), "no leader gets anything");
        String notice = text(to(ADMIN));
        assertTrue(notice.contains(where) && notice.contains("templates check"), notice);
        assertTrue(Files.notExists(tmp.resolve("out/2022-12/tinh/ban-tin-2022-12-tinh.pdf")), "no province bulletin kept");
        assertTrue(Files.exists(tmp.resolve("out/2022-12/don-vi/ban-tin-2022-12-" + vn.bantin.delivery.FileNames.of("SXD") + ".pdf")));
        String summary = Files.readString(tmp.resolve("out/2022-12/run-summary.txt"));
        assertTrue(summary.contains("province bulletin (2 người nhận): " + where), summary);
        assertTrue(summary.startsWith("Kết quả chạy bantin kỳ 2022-12 (từ 2022-12-01 đến 2022-12-31)\n")
                && summary.contains("Bản tin không tạo được nên chưa gửi"), "the summary follows language=vi: " + summary);
        assertTrue(to(ADMIN).getSubject().equals("bantin: 1 bản tin kỳ 2022-12 không tạo được do mẫu bị lỗi"),
                "the administrator reads Vietnamese: " + to(ADMIN).getSubject());
        assertTrue(notice.contains("không tạo được: province bulletin") && notice.contains("chạy lại: `bantin run --period"
                + " 2022-12 --bulletin province`"), notice);

        Files.writeString(province, good, StandardCharsets.UTF_8);
        CliRun fixed = run();
        assertEquals(0, fixed.exitCode(), fixed.out() + fixed.err());
        assertEquals(Map.of(LEADERS.get(0), 1, LEADERS.get(1), 1, UNIT_CLERKS.get(0), 1, UNIT_CLERKS.get(1), 1, ADMIN, 1),
                received(), "the held-back bulletin went out after the fix; the unit bulletins were not sent twice");
    }

    @Test
    void anExpressionFailingWhenFilledStopsTheUnitBulletinsOnlyAndLeavesNoHalfOfThem() throws Exception {
        Path unit = templates.resolve("unit.jrxml");
        String jrxml = Files.readString(unit);
        Files.writeString(unit, jrxml.replaceFirst("\\$P\\{unitName\\}", "String.valueOf(Runtime.getRuntime().availableProcessors())"),
                StandardCharsets.UTF_8);

        CliRun run = run();
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("unit bulletins of SXD, STTTT not made, so not sent to 2 recipient(s): " + unit + ":"), run.err());
        assertTrue(run.err().contains("java.lang.Runtime is not visible"), run.err());
        assertEquals(Map.of(LEADERS.get(0), 1, LEADERS.get(1), 1, ADMIN, 1), received());
        String notice = text(to(ADMIN));
        assertTrue(notice.contains("không tạo được: unit bulletins of SXD, STTTT"), notice);
        try (Stream<Path> files = Files.list(tmp.resolve("out/2022-12/don-vi"))) {
            assertEquals(List.of(), files.toList(), "no unit PDF or workbook is left half made");
        }
    }

    @Test
    void aBrokenEmailTemplateStopsItsBulletinBeforeAnyOfItsMessagesGoesOut() throws Exception {
        Path body = templates.resolve("email/unit_vi.html");
        String html = Files.readString(body);
        int line = lineOf(html, "{{headline}}");
        Files.writeString(body, html.replace("{{headline}}", "{{headlien}}"), StandardCharsets.UTF_8);
        String where = body + ":" + line + ": unknown placeholder {{headlien}}";

        CliRun check = CliRun.of("templates", "check", "--config", config.toString(), "--store", CliRun.store(tmp));
        assertEquals(2, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains(where), check.out());

        CliRun run = run();
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("unit bulletins of SXD, STTTT not made, so not sent to 2 recipient(s): " + where), run.err());
        assertEquals(Map.of(LEADERS.get(0), 1, LEADERS.get(1), 1, ADMIN, 1), received(), "no unit message, not even a first one");
    }

    @Test
    void aBulletinThatWouldPrintNullIsHeldLikeABrokenTemplateAndPreviewSaysWhy() throws Exception {
        TemplatesCheckTest.addCodeColumn(templates, "unitcode"); // the README's recipe, with a slip in the field's name
        Path province = templates.resolve("province.jrxml");
        String where = province + ":" + lineOf(Files.readString(province), "$F{unitcode}") + ": the filled bulletin prints \"null\"";

        CliRun run = run();
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("province bulletin not made, so not sent to 2 recipient(s): " + where), run.err());
        assertEquals(Map.of(UNIT_CLERKS.get(0), 1, UNIT_CLERKS.get(1), 1, ADMIN, 1), received(), "no leader gets a null");
        assertTrue(text(to(ADMIN)).contains(where), "the administrator is told where");
        assertTrue(Files.notExists(tmp.resolve("out/2022-12/tinh/ban-tin-2022-12-tinh.pdf")), "no province bulletin kept");

        CliRun preview = CliRun.of("preview", "--period", "2022-12", "--to", tmp.resolve("preview").toString(),
                "--config", config.toString(), "--store", CliRun.store(tmp));
        assertEquals(2, preview.exitCode(), preview.out() + preview.err());
        assertTrue(preview.err().contains(where), preview.err());
    }

    @Test
    void aFontOfTheStyleFileIsReportedAtTheStyleDuringARun() throws Exception {
        Path styles = templates.resolve("styles.jrtx");
        String jrtx = Files.readString(styles);
        String caption = "<style name=\"Caption\" hTextAlign=\"Center\" fontName=\"Times New Roman\"";
        Files.writeString(styles, jrtx.replace(caption, caption.replace("Times New Roman", "Serif")), StandardCharsets.UTF_8);

        CliRun run = run();
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("province bulletin not made, so not sent to 2 recipient(s): " + styles + ":"
                + lineOf(jrtx, caption) + ": style 'Caption' uses font \"Serif\""), run.err());
    }

    private CliRun run() {
        return CliRun.of("run", "--period", "2022-12", "--bulletin", "all", "--config", config.toString(),
                "--store", CliRun.store(tmp));
    }

    private static int lineOf(String text, String what) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(what)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(what);
    }

    /** How many messages each address received. */
    private static Map<String, Integer> received() throws MessagingException {
        Map<String, Integer> count = new TreeMap<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            count.merge(address(m), 1, Integer::sum);
        }
        return count;
    }

    private static String address(MimeMessage m) throws MessagingException {
        return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
    }

    private static MimeMessage to(String address) throws MessagingException {
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            if (address(m).equals(address)) {
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
