package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import vn.bantin.delivery.LedgerDelivery.Outcome;
import vn.bantin.indicator.Period;
import vn.bantin.store.Claim;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryKey;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryRow;
import vn.bantin.store.DeliveryStatus;
import vn.bantin.store.RunStore;
import vn.bantin.store.SettableClock;
import vn.bantin.store.TestStores;

/** The ledger and a real mail server together: what a run, a re-run, a crash and a second process do. */
class LedgerDeliveryTest {
    private static final Backoff QUICK = new Backoff(3, Duration.ofMillis(5), 2, Duration.ofMillis(50));
    private static final Backoff.Sleeper NEVER = d -> fail("no retry expected, asked to wait " + d);
    private static final List<String> TO = List.of("chanh.vp@bacninh.gov.vn", "pgd@bacninh.gov.vn", "vp.ubnd@bacninh.gov.vn");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bantin@bacninh.gov.vn", SmtpSenderTest.USER,
                    SmtpSenderTest.PASSWORD));

    @TempDir
    Path dir;
    private Database db;
    private final SettableClock clock = new SettableClock();
    private DeliveryLedger ledger;
    private long runId;

    @BeforeEach
    void open() {
        db = TestStores.open(dir);
        ledger = new DeliveryLedger(db.dataSource(), clock, Duration.ofMinutes(10));
        runId = new RunStore(db.dataSource(), clock).start("province", Period.parse("2022-12"), Map.of(), Map.of());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Sender smtp() {
        return SmtpSenderTest.sender(SmtpSenderTest.plain(MAIL.getSmtp().getPort(), SmtpSenderTest.USER), SmtpSenderTest.PASSWORD);
    }

    private Outcome deliver(LedgerDelivery d, String email) throws IOException {
        return d.deliver("province", "2022-12", TestMessages.message(dir, email), runId);
    }

    @Test
    void aReRunSendsNothingTwice() throws Exception {
        LedgerDelivery first = new LedgerDelivery(ledger, smtp(), QUICK, NEVER);
        for (String to : TO) {
            Outcome.Sent sent = assertInstanceOf(Outcome.Sent.class, deliver(first, to));
            assertEquals(1, sent.attempt());
            assertFalse(sent.maybeTwice());
        }
        // A second run, as after a restart: a new ledger on the same store.
        LedgerDelivery again = new LedgerDelivery(new DeliveryLedger(db.dataSource(), clock), smtp(), QUICK, NEVER);
        for (String to : TO) {
            assertInstanceOf(Outcome.AlreadySent.class, deliver(again, to));
        }
        assertEquals(3, MAIL.getReceivedMessages().length);
        Set<String> ids = Arrays.stream(MAIL.getReceivedMessages()).map(LedgerDeliveryTest::messageId).collect(Collectors.toSet());
        for (DeliveryRow row : ledger.list("province", "2022-12")) {
            assertEquals(DeliveryStatus.SENT, row.status());
            assertTrue(ids.contains(row.messageId()), "the ledger keeps the id the server took: " + row.messageId());
            assertEquals(runId, row.runId());
            assertEquals(null, row.unitCode(), "the province bulletin is the same for every unit: one copy per address");
        }
    }

    @Test
    void aResendSendsOnlyThatCopyAgain() throws Exception {
        LedgerDelivery d = new LedgerDelivery(ledger, smtp(), QUICK, NEVER);
        for (String to : TO) {
            deliver(d, to);
        }
        ledger.resend("province", "2022-12", "pgd@bacninh.gov.vn");
        List<Outcome> outcomes = new ArrayList<>();
        for (String to : TO) {
            outcomes.add(deliver(d, to));
        }
        assertInstanceOf(Outcome.AlreadySent.class, outcomes.get(0));
        assertEquals(2, assertInstanceOf(Outcome.Sent.class, outcomes.get(1)).attempt());
        assertInstanceOf(Outcome.AlreadySent.class, outcomes.get(2));
        assertEquals(4, MAIL.getReceivedMessages().length);
    }

    @Test
    void aRejectedAddressIsRecordedAndNotTriedByTheNextRun() throws Exception {
        try (SmtpStub stub = SmtpStub.refusingRecipients("550 5.1.1 <nobody@bacninh.gov.vn>: User unknown")) {
            LedgerDelivery d = new LedgerDelivery(ledger, SmtpSenderTest.sender(SmtpSenderTest.plain(stub.port(), ""), ""), QUICK, NEVER);
            Outcome.Rejected r = assertInstanceOf(Outcome.Rejected.class, deliver(d, "nobody@bacninh.gov.vn"));
            assertTrue(r.error().contains("550 5.1.1"), r.error());
            assertInstanceOf(Outcome.Rejected.class, deliver(d, "nobody@bacninh.gov.vn"));
            assertEquals(1, stub.connections(), "the second run did not ask the server again");
            DeliveryRow row = ledger.find(new DeliveryKey("province", "2022-12", "nobody@bacninh.gov.vn")).orElseThrow();
            assertEquals(DeliveryStatus.REJECTED, row.status());
            assertEquals(1, row.attempts());
        }
    }

    @Test
    void aServerDownIsTriedAgainEachAttemptClaimedAndRecorded() throws Exception {
        int port = FreePort.find();
        GreenMail later = new GreenMail(ServerSetupTest.SMTP.port(port));
        try {
            List<DeliveryStatus> seenWhileWaiting = new ArrayList<>();
            Backoff.Sleeper startServer = d -> {
                seenWhileWaiting.add(ledger.find(new DeliveryKey("province", "2022-12", TO.get(0))).orElseThrow().status());
                later.start();
            };
            LedgerDelivery d = new LedgerDelivery(ledger, SmtpSenderTest.sender(SmtpSenderTest.plain(port, ""), ""), QUICK, startServer);
            Outcome.Sent sent = assertInstanceOf(Outcome.Sent.class, deliver(d, TO.get(0)));
            assertEquals(2, sent.attempt());
            assertEquals(List.of(DeliveryStatus.FAILED), seenWhileWaiting, "a crash while waiting leaves a row the next run sends");
            assertEquals(1, later.getReceivedMessages().length);
        } finally {
            later.stop();
        }
    }

    @Test
    void aServerDownForLongIsLeftForTheNextRun() throws Exception {
        int port = FreePort.find();
        List<Duration> waits = new ArrayList<>();
        LedgerDelivery down = new LedgerDelivery(ledger, SmtpSenderTest.sender(SmtpSenderTest.plain(port, ""), ""), QUICK, waits::add);
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, deliver(down, TO.get(0)));
        assertEquals(Failure.UNREACHABLE, failed.kind());
        assertEquals(3, failed.attempt());
        assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(10)), waits);
        assertTrue(failed.error().startsWith("cannot connect to the mail server 127.0.0.1:" + port), failed.error());

        LedgerDelivery up = new LedgerDelivery(ledger, smtp(), QUICK, NEVER);
        assertEquals(4, assertInstanceOf(Outcome.Sent.class, deliver(up, TO.get(0))).attempt());
        assertEquals(1, MAIL.getReceivedMessages().length);
    }

    @Test
    void aWrongPasswordFailsOnceAndLeavesTheRecipientToSend() throws Exception {
        Sender wrong = SmtpSenderTest.sender(SmtpSenderTest.plain(MAIL.getSmtp().getPort(), SmtpSenderTest.USER), "not-it");
        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, deliver(new LedgerDelivery(ledger, wrong, QUICK, NEVER), TO.get(0)));
        assertEquals(Failure.SETUP, failed.kind());
        DeliveryRow row = ledger.find(new DeliveryKey("province", "2022-12", TO.get(0))).orElseThrow();
        assertEquals(DeliveryStatus.FAILED, row.status(), "not the recipient's fault: not rejected");

        assertInstanceOf(Outcome.Sent.class, deliver(new LedgerDelivery(ledger, smtp(), QUICK, NEVER), TO.get(0)));
    }

    @Test
    void aSenderThatDiedMidSendIsTakenOverAfterTheLease() throws Exception {
        // A process claimed the row and died before recording anything.
        ledger.claim(new DeliveryKey("province", "2022-12", TO.get(0)), "S1", runId);

        LedgerDelivery d = new LedgerDelivery(ledger, smtp(), QUICK, NEVER);
        assertInstanceOf(Outcome.Busy.class, deliver(d, TO.get(0)));
        assertEquals(0, MAIL.getReceivedMessages().length);

        clock.advance(Duration.ofMinutes(11));
        Outcome.Sent sent = assertInstanceOf(Outcome.Sent.class, deliver(d, TO.get(0)));
        assertFalse(sent.maybeTwice(), "it died before the final dot: the server cannot have it");
        assertEquals(2, sent.attempt());
        assertEquals(1, MAIL.getReceivedMessages().length);
    }

    @Test
    void aSenderThatDiedAfterTheFinalDotLeavesAnUncertainRowTriedOnceMoreAsAPossibleSecondCopy() throws Exception {
        // A process sent the final dot and died before the server's answer reached the ledger.
        ledger.markDataEnd((Claim.Send) ledger.claim(new DeliveryKey("province", "2022-12", TO.get(0)), null, runId));
        assertEquals(DeliveryStatus.UNCERTAIN, ledger.find(new DeliveryKey("province", "2022-12", TO.get(0))).orElseThrow().status());

        LedgerDelivery d = new LedgerDelivery(ledger, smtp(), QUICK, NEVER);
        assertInstanceOf(Outcome.Busy.class, deliver(d, TO.get(0)), "within the lease its sender may still be waiting for the 250");
        clock.advance(Duration.ofMinutes(11));
        Outcome.Sent sent = assertInstanceOf(Outcome.Sent.class, deliver(d, TO.get(0)));
        assertTrue(sent.maybeTwice(), "the server may have the first copy");
        assertEquals(DeliveryStatus.SENT, ledger.find(new DeliveryKey("province", "2022-12", TO.get(0))).orElseThrow().status());
    }

    @Test
    void anUnexpectedErrorReleasesTheClaim() throws Exception {
        Sender broken = m -> {
            throw new IllegalStateException("disk full");
        };
        assertThrows(IllegalStateException.class, () -> deliver(new LedgerDelivery(ledger, broken, QUICK, NEVER), TO.get(0)));
        DeliveryRow row = ledger.find(new DeliveryKey("province", "2022-12", TO.get(0))).orElseThrow();
        assertEquals(DeliveryStatus.FAILED, row.status());
        assertInstanceOf(Outcome.Sent.class, deliver(new LedgerDelivery(ledger, smtp(), QUICK, NEVER), TO.get(0)));
    }

    @Test
    void twoProcessesDeliveringTheSameRunSendEachCopyOnce() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            many.add("r" + i + "@bacninh.gov.vn");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<Outcome>> run = () -> {
                LedgerDelivery d = new LedgerDelivery(new DeliveryLedger(db.dataSource(), clock), smtp(), QUICK, NEVER);
                List<Outcome> out = new ArrayList<>();
                for (String to : many) {
                    out.add(deliver(d, to));
                }
                return out;
            };
            Future<List<Outcome>> a = pool.submit(run);
            Future<List<Outcome>> b = pool.submit(run);
            List<Outcome> all = new ArrayList<>(a.get(60, TimeUnit.SECONDS));
            all.addAll(b.get(60, TimeUnit.SECONDS));
            assertEquals(many.size(), all.stream().filter(o -> o instanceof Outcome.Sent).count());
            assertTrue(all.stream().allMatch(o -> o instanceof Outcome.Sent || o instanceof Outcome.AlreadySent
                    || o instanceof Outcome.Busy), all.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(many.size(), MAIL.getReceivedMessages().length);
        Set<String> to = Arrays.stream(MAIL.getReceivedMessages()).map(LedgerDeliveryTest::recipient).collect(Collectors.toSet());
        assertEquals(Set.copyOf(many), to);
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
