package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

class SmtpSenderTest {
    static final String USER = "bantin";
    static final String PASSWORD = "Pw-7c1f!Bac-Ninh";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bantin@bacninh.gov.vn", USER, PASSWORD));

    @TempDir
    Path dir;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2023-01-05T01:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

    static SmtpSettings plain(int port, String user) {
        return new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, user, "BANTIN_SMTP_PASSWORD",
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    static SmtpSender sender(SmtpSettings settings, String password) {
        return new SmtpSender(settings, TestMessages.FROM, CLOCK, Map.of("BANTIN_SMTP_PASSWORD", password)::get, new Properties());
    }

    @Test
    void aMessageArrivesWhole() throws Exception {
        SmtpSender sender = sender(plain(MAIL.getSmtp().getPort(), USER), PASSWORD);
        String id = sender.send(TestMessages.message(dir, "chanh.vp@bacninh.gov.vn"));

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals(id, m.getMessageID());
        assertTrue(id.endsWith("@bacninh.gov.vn>"), "the Message-ID is in the sender's domain: " + id);
        assertEquals("Bản tin chuyển đổi số tháng 12/2022", m.getSubject());
        assertEquals("chanh.vp@bacninh.gov.vn", ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals("Thu, 5 Jan 2023 08:00:00 +0700", m.getHeader("Date")[0]);

        Multipart mixed = (Multipart) m.getContent();
        assertEquals(3, mixed.getCount());
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertTrue(alternative.getContentType().startsWith("multipart/alternative"));
        assertEquals("Kính gửi Nguyễn Văn Ánh: tỷ lệ 93,78%", alternative.getBodyPart(0).getContent().toString().strip());
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        assertTrue(alternative.getBodyPart(1).getContent().toString().contains("<b>Nguyễn Văn Ánh</b>"));

        assertAttachment(mixed.getBodyPart(1), "ban-tin-2022-12-tinh.pdf", "application/pdf", TestMessages.PDF);
        assertAttachment(mixed.getBodyPart(2), "ban-tin-2022-12-tinh.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TestMessages.XLSX);
    }

    @Test
    void smtpsAuthenticatesAndDelivers() throws Exception {
        SmtpSettings s = new SmtpSettings("127.0.0.1", MAIL.getSmtps().getPort(), SmtpSettings.Security.SMTPS, USER, null,
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        String id = new SmtpSender(s, TestMessages.FROM, CLOCK, Map.of("BANTIN_SMTP_PASSWORD", PASSWORD)::get,
                trustTestCertificate()).send(TestMessages.message(dir, "a@bacninh.gov.vn"));
        assertEquals(id, MAIL.getReceivedMessages()[0].getMessageID());
    }

    @Test
    void smtpsChecksTheCertificate() throws IOException {
        SmtpSettings s = new SmtpSettings("127.0.0.1", MAIL.getSmtps().getPort(), SmtpSettings.Security.SMTPS, USER, null,
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        DeliveryException e = assertThrows(DeliveryException.class, () -> sender(s, PASSWORD).send(TestMessages.message(dir, "a@bacninh.gov.vn")));
        assertEquals(Failure.SETUP, Failure.of(e), "GreenMail's self-signed certificate is not trusted: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("no secure connection with the mail server 127.0.0.1:"), e.getMessage());
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    /** GreenMail's certificate is self-signed and names no host: trust it, in tests only. */
    static Properties trustTestCertificate() {
        Properties p = new Properties();
        p.setProperty("mail.smtps.ssl.trust", "*");
        p.setProperty("mail.smtps.ssl.checkserveridentity", "false");
        return p;
    }

    @Test
    void aServerThatDoesNotAskForAUserTakesTheMessageWithoutOne() throws Exception {
        SmtpSender sender = sender(plain(MAIL.getSmtp().getPort(), ""), "");
        sender.send(TestMessages.message(dir, "a@bacninh.gov.vn"));
        assertEquals(1, MAIL.getReceivedMessages().length);
    }

    @Test
    void aWrongPasswordIsASetupFailureThatDoesNotTellThePassword() throws IOException {
        String wrong = "Wrong-Pw-55aa";
        SmtpSender sender = sender(plain(MAIL.getSmtp().getPort(), USER), wrong);
        DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send(TestMessages.message(dir, "a@bacninh.gov.vn")));
        assertEquals(Failure.SETUP, Failure.of(e));
        assertTrue(e.getMessage().startsWith("the mail server 127.0.0.1:" + MAIL.getSmtp().getPort()
                + " did not accept user 'bantin' with the password of the environment variable BANTIN_SMTP_PASSWORD"), e.getMessage());
        assertTrue(!e.getMessage().contains(wrong), e.getMessage());
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void aUserWithoutItsPasswordVariableIsRefusedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmtpSender(plain(25, USER), TestMessages.FROM, CLOCK, name -> null, new Properties()));
        assertEquals("the mail server 127.0.0.1:25 is set up with user 'bantin', whose password must be in the environment"
                + " variable BANTIN_SMTP_PASSWORD, which is not set", e.getMessage());
    }

    @Test
    void starttlsIsNeverSkipped() throws IOException {
        SmtpSettings s = new SmtpSettings("127.0.0.1", MAIL.getSmtp().getPort(), SmtpSettings.Security.STARTTLS, USER,
                null, Duration.ofSeconds(5), Duration.ofSeconds(5));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> sender(s, PASSWORD).send(TestMessages.message(dir, "a@bacninh.gov.vn")));
        assertEquals(Failure.SETUP, Failure.of(e));
        assertTrue(e.getMessage().contains("does not offer STARTTLS, and this setup never sends in clear text"), e.getMessage());
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void aServerThatIsDownIsUnreachableNotAProblemOfTheMessage() throws IOException {
        int port = FreePort.find();
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> sender(plain(port, ""), "").send(TestMessages.message(dir, "a@bacninh.gov.vn")));
        assertEquals(Failure.UNREACHABLE, Failure.of(e));
        assertTrue(e.getMessage().startsWith("cannot connect to the mail server 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void aRecipientRefusedWith5xxIsRejected() throws IOException {
        try (SmtpStub stub = SmtpStub.refusingRecipients("550 5.1.1 <nobody@bacninh.gov.vn>: Recipient address rejected: User unknown")) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> sender(plain(stub.port(), ""), "").send(TestMessages.message(dir, "nobody@bacninh.gov.vn")));
            assertEquals(Failure.REJECTED, Failure.of(e));
            assertEquals("the mail server 127.0.0.1:" + stub.port() + " refused nobody@bacninh.gov.vn: 550 5.1.1"
                    + " <nobody@bacninh.gov.vn>: Recipient address rejected: User unknown", e.getMessage());
        }
    }

    @Test
    void aRecipientPutOffWith4xxIsTransient() throws IOException {
        try (SmtpStub stub = SmtpStub.refusingRecipients("450 4.2.1 mailbox busy, try later")) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> sender(plain(stub.port(), ""), "").send(TestMessages.message(dir, "busy@bacninh.gov.vn")));
            assertEquals(Failure.TRANSIENT, Failure.of(e));
            assertTrue(e.getMessage().contains("450 4.2.1 mailbox busy"), e.getMessage());
        }
    }

    @Test
    void aGreetingThatTurnsUsAwayIsUnreachableWhen4xxAndSetupWhen5xx() throws IOException {
        try (SmtpStub busy = SmtpStub.greeting("421 4.3.2 too many connections");
             SmtpStub closed = SmtpStub.greeting("554 5.7.1 no mail from your address")) {
            DeliveryException later = assertThrows(DeliveryException.class,
                    () -> sender(plain(busy.port(), ""), "").send(TestMessages.message(dir, "a@bacninh.gov.vn")));
            assertEquals(Failure.UNREACHABLE, Failure.of(later), later.getMessage());
            DeliveryException never = assertThrows(DeliveryException.class,
                    () -> sender(plain(closed.port(), ""), "").send(TestMessages.message(dir, "a@bacninh.gov.vn")));
            assertEquals(Failure.SETUP, Failure.of(never), never.getMessage());
        }
    }

    @Test
    void aMessageRefusedForGoodAfterDataIsRejectedAndForNowIsTransient() throws IOException {
        try (SmtpStub tooBig = SmtpStub.answeringData("552 5.3.4 Message size exceeds fixed limit");
             SmtpStub later = SmtpStub.answeringData("451 4.7.1 greylisted, try again later")) {
            DeliveryException big = assertThrows(DeliveryException.class,
                    () -> sender(plain(tooBig.port(), ""), "").send(TestMessages.message(dir, "a@bacninh.gov.vn")));
            assertEquals(Failure.REJECTED, Failure.of(big), big.getMessage());
            assertEquals("the mail server 127.0.0.1:" + tooBig.port() + " refused the message to a@bacninh.gov.vn:"
                    + " 552 5.3.4 Message size exceeds fixed limit", big.getMessage());
            DeliveryException grey = assertThrows(DeliveryException.class,
                    () -> sender(plain(later.port(), ""), "").send(TestMessages.message(dir, "a@bacninh.gov.vn")));
            assertEquals(Failure.TRANSIENT, Failure.of(grey), grey.getMessage());
        }
    }

    @Test
    void aRefusedSenderAddressIsASetupFailure() throws IOException {
        try (SmtpStub stub = SmtpStub.refusingSender("553 5.7.1 <bantin@bacninh.gov.vn>: Sender address rejected: not owned by user")) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> sender(plain(stub.port(), ""), "").send(TestMessages.message(dir, "a@bacninh.gov.vn")));
            assertEquals(Failure.SETUP, Failure.of(e), e.getMessage());
            assertEquals("the mail server 127.0.0.1:" + stub.port() + " refused the sender address bantin@bacninh.gov.vn: 553 5.7.1"
                    + " <bantin@bacninh.gov.vn>: Sender address rejected: not owned by user; the server must accept it as a"
                    + " sender (mail.from)", e.getMessage());
            assertEquals(0, stub.accepted());
        }
    }

    private static void assertAttachment(BodyPart part, String name, String type, byte[] content) throws Exception {
        assertEquals(name, MimeUtility.decodeText(part.getFileName()));
        assertTrue(part.getContentType().startsWith(type), part.getContentType());
        assertArrayEquals(content, part.getInputStream().readAllBytes());
    }
}
