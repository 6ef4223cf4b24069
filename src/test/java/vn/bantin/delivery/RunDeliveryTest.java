package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
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
import vn.bantin.store.DeliveryKey;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryStatus;

/**
 * A bulletin run for 2022-12 on the sample data, delivered to a real SMTP server (GreenMail) and read back from it:
 * one message per recipient, none twice, a refused address recorded while the others go out, a server that is down
 * retried until it is up.
 */
class RunDeliveryTest {
    private static final Period DECEMBER = Period.parse("2022-12");
    private static final List<String> LEADERS = List.of("chutich@bacninh.gov.vn", "vanphong.ubnd@bacninh.gov.vn",
            "lanhdao.stttt@bacninh.gov.vn", "vanthu.stttt@bacninh.gov.vn");
    private static final String REFUSED = "khongtontai@bacninh.gov.vn";
    private static final String SXD = "vanthu.sxd@bacninh.gov.vn";

    @TempDir
    Path tmp;

    private GreenMail greenMail;
    private final Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (greenMail != null) {
            greenMail.stop();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Settings settings(int smtpPort, String extraRecipient) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        String props = Files.readString(Path.of("config/bantin.properties"), StandardCharsets.UTF_8)
                + "\nsmtp.host=127.0.0.1\nsmtp.port=" + smtpPort + "\nsmtp.security=none\n"
                + vn.bantin.store.TestStores.properties(tmp.resolve("var"))
                + "out.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n";
        Files.writeString(config.resolve("bantin.properties"), props, StandardCharsets.UTF_8);
        StringBuilder recipients = new StringBuilder("unit,name,email,bulletins\n");
        LEADERS.forEach(e -> recipients.append(",Lãnh đạo,").append(e).append(",province\n"));
        recipients.append("SXD,Văn thư Sở Xây dựng,").append(SXD).append(",unit\n");
        if (extraRecipient != null && extraRecipient.contains(",")) {
            recipients.append(extraRecipient);
        } else if (extraRecipient != null) {
            recipients.append(",Địa chỉ sai,").append(extraRecipient).append(",province\n");
        }
        Files.writeString(config.resolve("recipients.csv"), recipients, StandardCharsets.UTF_8);
        return ConfigLoader.load(config);
    }

    private Database store(Settings settings) {
        Database db = Database.open(settings.store());
        open.add(db);
        return db;
    }

    private GreenMail greenMail(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        return greenMail;
    }

    private RunResult run(Settings settings, Sender sender, Database db, Backoff.Sleeper sleeper) throws IOException {
        return new BulletinRun(settings, sender, clock, RunListener.QUIET, db.dataSource(), sleeper)
                .run(new RunRequest(DECEMBER, Set.of(RunRequest.PROVINCE, RunRequest.UNIT), Set.of(), false, "test"));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages on the server per recipient address. */
    private Map<String, Integer> received() throws Exception {
        Map<String, Integer> count = new TreeMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            count.merge(m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""), 1, Integer::sum);
        }
        return count;
    }

    @Test
    void eachRecipientGetsExactlyOneMessageAndARunAgainSendsNothing() throws Exception {
        int port = FreePort.find();
        Settings settings = settings(port, null);
        greenMail(port).start();
        Database db = store(settings);
        Sender smtp = new SmtpSender(settings.mail().smtp(), settings.mailFrom(), clock);

        RunResult first = run(settings, smtp, db, Backoff.Sleeper.REAL);
        assertEquals(0, first.failedDeliveries());
        Map<String, Integer> once = new TreeMap<>();
        LEADERS.forEach(e -> once.put(e, 1));
        once.put(SXD, 1);
        assertEquals(once, received());

        MimeMessage unit = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(x -> subject(x).endsWith("Sở Xây dựng")).findFirst().orElseThrow();
        assertEquals("Bản tin chuyển đổi số tháng 12/2022 – Sở Xây dựng", unit.getSubject());
        Multipart unitParts = (Multipart) unit.getContent();
        assertEquals("ban-tin-2022-12-sxd-" + FileNames.hash("SXD") + ".pdf", unitParts.getBodyPart(1).getFileName());
        String unitText = (String) ((Multipart) unitParts.getBodyPart(0).getContent()).getBodyPart(0).getContent();
        assertTrue(unitText.contains("Sở Xây dựng: ") && unitText.contains("chỉ tiêu đạt; xếp thứ"), "own standing first: " + unitText);

        MimeMessage m = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(x -> subject(x).endsWith("tỉnh Bắc Ninh")).findFirst().orElseThrow();
        assertEquals("Bản tin chuyển đổi số tháng 12/2022 – tỉnh Bắc Ninh", m.getSubject());
        Multipart mixed = (Multipart) m.getContent();
        assertEquals(3, mixed.getCount(), "the body and two attachments");
        assertEquals("ban-tin-2022-12-tinh.pdf", mixed.getBodyPart(1).getFileName());
        assertEquals("ban-tin-2022-12-tinh.xlsx", mixed.getBodyPart(2).getFileName());
        String text = (String) ((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(0).getContent();
        assertTrue(text.contains("Cấp tỉnh: 99,11%"), text);

        // In full (--again), so that the ledger, not the repeat check that renders nothing, is what sends nothing twice.
        RunResult again = new BulletinRun(settings, smtp, clock, RunListener.QUIET, db.dataSource(), Backoff.Sleeper.REAL)
                .run(new RunRequest(DECEMBER, Set.of(RunRequest.PROVINCE, RunRequest.UNIT), Set.of(), false, "test").inFull());
        assertEquals(2, again.made(), "rendered again");
        assertEquals(once, received(), "the second run sends nothing");
        assertTrue(again.deliveries().stream().allMatch(d -> d.status().equals("already-sent")), again.deliveries().toString());
    }

    @Test
    void oneMailboxForThreeUnitsReceivesEachUnitsBulletin() throws Exception {
        int port = FreePort.find();
        String shared = "vanthu.chung@bacninh.gov.vn";
        // One clerk for three units, the address spelt in two cases (a unit listed twice for it is refused by the
        // recipients check: RecipientsCheckTest).
        Settings settings = settings(port, "STC,Văn thư chung,vanthu.chung@bacninh.gov.vn,unit\n"
                + "SNV,Văn thư chung,VanThu.Chung@BacNinh.gov.vn,unit\n"
                + "SKHDT,Văn thư chung,vanthu.chung@bacninh.gov.vn,unit\n");
        greenMail(port).start();
        Database db = store(settings);
        Sender smtp = new SmtpSender(settings.mail().smtp(), settings.mailFrom(), clock);

        RunResult first = run(settings, smtp, db, Backoff.Sleeper.REAL);
        assertEquals(0, first.failedDeliveries(), first.deliveries().toString());
        List<String> subjects = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> java.util.Arrays.toString(sneaky(m::getAllRecipients)).toLowerCase(java.util.Locale.ROOT).contains(shared))
                .map(RunDeliveryTest::subject).sorted().toList();
        assertEquals(3, subjects.size(), "one message per unit: " + subjects);
        assertTrue(subjects.stream().anyMatch(t -> t.endsWith("Sở Tài chính")), subjects.toString());
        assertTrue(subjects.stream().anyMatch(t -> t.endsWith("Sở Nội vụ")), subjects.toString());
        assertTrue(subjects.stream().anyMatch(t -> t.endsWith("Sở Kế hoạch và Đầu tư")), subjects.toString());

        run(settings, smtp, db, Backoff.Sleeper.REAL);
        assertEquals(LEADERS.size() + 1 + 3, greenMail.getReceivedMessages().length, "a run again sends nothing");
    }

    @Test
    void addressesThatReadAlikeGetAnOutboxFileEach() throws Exception {
        Settings settings = settings(FreePort.find(), ",Một,x+y@bacninh.gov.vn,province\n,Hai,x_y@bacninh.gov.vn,province\n");
        Database db = store(settings);
        RunResult r = run(settings, new OutboxSender(settings.outboxDir(), settings.mailFrom(), clock), db, attempt -> { });
        assertEquals(0, r.failedDeliveries(), r.deliveries().toString());
        try (java.util.stream.Stream<Path> files = Files.list(settings.outboxDir())) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList();
            assertEquals(LEADERS.size() + 1 + 2, names.size(), "168 messages sent, 168 files: " + names);
            assertTrue(names.contains("ban-tin-2022-12-tinh--x-y@bacninh.gov.vn-" + FileNames.hash("x+y@bacninh.gov.vn") + ".eml"), names.toString());
        }
    }

    private interface Throwing<T> {
        T get() throws Exception;
    }

    private static <T> T sneaky(Throwing<T> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRefusedAddressIsRecordedAndTheOthersStillGoOut() throws Exception {
        int port = FreePort.find();
        Settings settings = settings(port, REFUSED);
        greenMail(port).start();
        Database db = store(settings);
        try (SmtpStub refusing = SmtpStub.refusingRecipients("550 5.1.1 no such mailbox")) {
            Sender good = new SmtpSender(settings.mail().smtp(), settings.mailFrom(), clock);
            Sender bad = new SmtpSender(new SmtpSettings("127.0.0.1", refusing.port(), SmtpSettings.Security.NONE, "", null,
                    SmtpSettings.DEFAULT_CONNECT_TIMEOUT, SmtpSettings.DEFAULT_TIMEOUT), settings.mailFrom(), clock);
            Sender byAddress = m -> m.to().email().equals(REFUSED) ? bad.send(m) : good.send(m);

            RunResult r = run(settings, byAddress, db, attempt -> { });
            assertEquals(LEADERS.size() + 1, received().size(), "everyone else got theirs");
            assertEquals(1, r.failedDeliveries());
            assertEquals(DeliveryStatus.REJECTED,
                    new DeliveryLedger(db.dataSource(), clock).find(new DeliveryKey("province", "2022-12", REFUSED)).orElseThrow().status());
            assertEquals(1, refusing.connections(), "a refusal is not retried");

            run(settings, byAddress, db, attempt -> { });
            assertEquals(1, refusing.connections(), "nor tried again by the next run");
        }
    }

    @Test
    void aServerThatIsDownIsRetriedAndEveryoneGetsOneMessageOnceItIsUp() throws Exception {
        int port = FreePort.find();
        Settings settings = settings(port, null);
        GreenMail server = greenMail(port);
        Database db = store(settings);
        List<java.time.Duration> waits = new ArrayList<>();
        Backoff.Sleeper startServerDuringFirstWait = wait -> {
            waits.add(wait);
            if (waits.size() == 1) {
                server.start();
            }
        };
        RunResult r = run(settings, new SmtpSender(settings.mail().smtp(), settings.mailFrom(), clock), db, startServerDuringFirstWait);
        assertEquals(0, r.failedDeliveries(), r.deliveries().toString());
        assertEquals(1, waits.size(), "one wait: the server came up during it");
        assertEquals(LEADERS.size() + 1, received().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(received().values().stream().allMatch(n -> n == 1));
    }
}
