package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a recipient's mail program gets from the outbox: the email templates filled, text from the data inert. */
class OutboxMessageTest {
    @TempDir
    Path tmp;

    private final Recipient chairman = new Recipient("", "Chủ tịch <b>UBND</b>", "chutich@bacninh.gov.vn", Set.of("province"));

    private Path templates(String html, String subject) throws Exception {
        Path email = Files.createDirectories(tmp.resolve("templates/email"));
        Files.writeString(email.resolve("province_vi.html"), html);
        Files.writeString(email.resolve("province_vi.txt"), "Kính gửi: {{recipientName}} — {{provinceName}}");
        Files.writeString(email.resolve("email_vi.properties"), "subject.province=" + subject + "\nnodata=không phát sinh\n");
        return tmp.resolve("templates");
    }

    @Test
    void textFromTheDataIsEscapedInHtmlAndCannotForgeHeaders() throws Exception {
        MessageComposer composer = new MessageComposer(templates("<p>{{recipientName}} {{provinceName}} {{missing}}</p>",
                "Bản tin {{provinceName}}"), "vi");
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("provinceName", "tỉnh <script>alert(1)</script>\r\nBcc: spy@example.com");
        values.put("missing", null);
        Message m = composer.compose("province", chairman, values, List.of(), "stem");
        assertTrue(m.html().contains("Chủ tịch &lt;b&gt;UBND&lt;/b&gt;"), m.html());
        assertTrue(m.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(m.html().contains("không phát sinh"), "a null value shows the no-data word");

        Clock clock = Clock.fixed(Instant.parse("2023-01-05T00:30:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        String where = new OutboxSender(tmp.resolve("outbox"), new MailFrom("bantin@bacninh.gov.vn", "Sở TT&TT"), clock).send(m);
        try (InputStream in = Files.newInputStream(Path.of(where))) {
            MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals(1, read.getAllRecipients().length, "no Bcc smuggled in through the subject");
            assertFalse(read.getSubject().contains("\n"));
            assertEquals("Thu, 5 Jan 2023 07:30:00 +0700", read.getHeader("Date")[0]);
        }
        try (var files = Files.list(tmp.resolve("outbox"))) {
            assertEquals(1, files.count(), "only the finished .eml, no temporary file left");
        }
    }

    @Test
    void unknownPlaceholderNamesTheTemplate() throws Exception {
        MessageComposer composer = new MessageComposer(templates("<p>{{typo}}</p>", "x"), "vi");
        EmailTemplateException e = assertThrows(EmailTemplateException.class,
                () -> composer.compose("province", chairman, Map.of(), List.of(), "stem"));
        assertTrue(e.getMessage().endsWith("province_vi.html:1: unknown placeholder {{typo}}"), e.getMessage());
    }

    @Test
    void sectionsShowTextOnlyWhenTheValueIsThereAndValuesAreNeverReadAsPlaceholders() throws Exception {
        MessageComposer composer = new MessageComposer(templates("<p>{{#rows}}[{{name}}{{#target}} chỉ tiêu {{target}}{{/target}}"
                + "{{^target}} không giao chỉ tiêu{{/target}}]{{/rows}}</p>", "x"), "vi");
        Map<String, Object> values = new java.util.HashMap<>();
        java.util.HashMap<String, Object> noTarget = new java.util.HashMap<>();
        noTarget.put("name", "{{recipientName}}");
        noTarget.put("target", null);
        values.put("rows", List.of(Map.of("name", "a", "target", "80%"), noTarget));
        values.put("provinceName", "tỉnh");
        Message m = composer.compose("province", chairman, values, List.of(), "stem");
        assertEquals("<p>[a chỉ tiêu 80%][{{recipientName}} không giao chỉ tiêu]</p>", m.html());
    }
}
