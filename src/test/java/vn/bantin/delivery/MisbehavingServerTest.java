package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.delivery.LedgerDelivery.Outcome;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryKey;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryStatus;
import vn.bantin.store.SettableClock;
import vn.bantin.store.TestStores;

/**
 * A mail server on loopback that refuses, greylists, never speaks, drips, answers the final dot slowly or drops the
 * line after it, against the real sender and ledger: every attempt ends on its own, an outage costs one backoff
 * series for all messages, and a message whose fate is unknown is tried once more, under the same Message-ID.
 */
class MisbehavingServerTest {
    private static final Backoff FOUR = new Backoff(4, Duration.ofSeconds(10), 3, Duration.ofMinutes(5));
    private static final List<String> TO = List.of("a@bacninh.gov.vn", "b@bacninh.gov.vn", "c@bacninh.gov.vn",
            "d@bacninh.gov.vn", "e@bacninh.gov.vn");

    @TempDir
    Path dir;
    private Database db;
    private DeliveryLedger ledger;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestStores.open(dir);
        ledger = new DeliveryLedger(db.dataSource(), new SettableClock(), Duration.ofMinutes(20));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Short timeouts, so that the test does not wait for the real ones. */
    private static SmtpSender sender(int port, Duration timeout, Duration dataTimeout, Duration attemptLimit) {
        SmtpSettings s = new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, "", null, Duration.ofSeconds(2), timeout,
                dataTimeout, attemptLimit);
        return new SmtpSender(s, TestMessages.FROM, SmtpSenderTest.CLOCK, Map.<String, String>of()::get, new Properties());
    }

    private LedgerDelivery delivery(Sender sender) {
        return new LedgerDelivery(ledger, sender, FOUR, waits::add);
    }

    private Outcome deliver(LedgerDelivery d, String email) throws IOException {
        return d.deliver("province", "2022-12", TestMessages.message(dir, email), null);
    }

    private DeliveryStatus status(String email) {
        return ledger.find(new DeliveryKey("province", "2022-12", email)).orElseThrow().status();
    }

    @Test
    void aServerThatNeverGreetsEndsTheAttemptWithALine() throws IOException {
        try (SmtpStub silent = SmtpStub.greeting("220 unused")) {
            silent.behaviour = SmtpStub.Behaviour.SILENT;
            DeliveryException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> org.junit.jupiter.api.Assertions.assertThrows(
                    DeliveryException.class, () -> sender(silent.port(), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(5))
                            .send(TestMessages.message(dir, TO.get(0)))));
            assertEquals(Failure.UNREACHABLE, Failure.of(e));
            assertTrue(e.getMessage().contains("did not answer within 500 ms (smtp.timeout)"), e.getMessage());
        }
    }

    @Test
    void aServerThatDripsIsCutOffAtTheAttemptLimit() throws IOException {
        try (SmtpStub tarpit = SmtpStub.greeting("220 unused")) {
            tarpit.behaviour = SmtpStub.Behaviour.DRIP;
            DeliveryException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> org.junit.jupiter.api.Assertions.assertThrows(
                    DeliveryException.class, () -> sender(tarpit.port(), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(2))
                            .send(TestMessages.message(dir, TO.get(0)))));
            assertEquals(Failure.UNREACHABLE, Failure.of(e));
            assertTrue(e.getMessage().contains("within the attempt limit of 2 s (smtp.attempt-limit)"), e.getMessage());
        }
    }

    @Test
    void aSlowAnswerToTheFinalDotIsWaitedForAndSentOnce() throws IOException {
        try (SmtpStub slow = SmtpStub.answeringData("250 OK queued")) {
            slow.dotDelayMillis = 1500;
            Outcome o = deliver(delivery(sender(slow.port(), Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(15))),
                    TO.get(0));
            assertInstanceOf(Outcome.Sent.class, o, o.toString());
            assertEquals(1, slow.dataEnds(), "one copy: the slow 250 is waited for with the data timeout, not the reply timeout");
            assertEquals(DeliveryStatus.SENT, status(TO.get(0)));
        }
    }

    @Test
    void aLineDroppedAfterTheFinalDotIsUncertainTriedOnceMoreUnderTheSameMessageId() throws IOException {
        try (SmtpStub dropping = SmtpStub.answeringData("250 OK queued")) {
            dropping.behaviour = SmtpStub.Behaviour.DROP_AFTER_DOT;
            LedgerDelivery d = delivery(sender(dropping.port(), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)));
            Outcome.Uncertain u = assertInstanceOf(Outcome.Uncertain.class, deliver(d, TO.get(0)));
            assertTrue(u.error().contains("it may have kept the message"), u.error());
            assertEquals(2, dropping.dataEnds(), "the first attempt and its one retry");
            assertEquals(2, dropping.messageIds().size());
            assertEquals(dropping.messageIds().get(0), dropping.messageIds().get(1), "a second copy is recognisable");
            assertEquals(DeliveryStatus.UNCERTAIN, status(TO.get(0)));
            assertEquals(List.of(), waits, "no backoff: the server answered everything but the dot");

            assertInstanceOf(Outcome.Uncertain.class, deliver(delivery(sender(dropping.port(), Duration.ofSeconds(2), Duration.ofSeconds(2),
                    Duration.ofSeconds(10))), TO.get(0)));
            assertEquals(2, dropping.dataEnds(), "a later run does not try it a third time");
        }
    }

    @Test
    void theAcceptedMarkIsWrittenAtThe250BeforeQuit() throws IOException {
        try (SmtpStub server = SmtpStub.answeringData("250 OK queued")) {
            List<DeliveryStatus> atQuit = new ArrayList<>();
            server.onQuit = () -> atQuit.add(status(TO.get(0)));
            deliver(delivery(sender(server.port(), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10))), TO.get(0));
            assertEquals(List.of(DeliveryStatus.SENT), atQuit);
        }
    }

    @Test
    void aServerThatIsDownCostsOneBackoffSeriesForAllMessagesAndALaterRunSendsEachOnce() throws Exception {
        int port = FreePort.find();
        LedgerDelivery d = delivery(sender(port, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5)));
        List<Outcome> outcomes = new ArrayList<>();
        for (String to : TO) {
            outcomes.add(deliver(d, to));
        }
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(90)), waits, "one series, not five");
        assertTrue(outcomes.stream().allMatch(o -> o instanceof Outcome.Failed), outcomes.toString());
        Outcome.Failed last = (Outcome.Failed) outcomes.get(4);
        assertEquals(0, last.attempt(), "not tried once the series was spent: " + last);
        assertTrue(last.error().startsWith("cannot connect to the mail server"), last.error());

        try (SmtpStub up = SmtpStub.answeringData("250 OK queued")) {
            LedgerDelivery later = delivery(sender(up.port(), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)));
            for (String to : TO) {
                assertInstanceOf(Outcome.Sent.class, deliver(later, to));
                assertInstanceOf(Outcome.AlreadySent.class, deliver(later, to));
            }
            assertEquals(TO.size(), up.accepted(), "each once");
        }
    }

    @Test
    void aFullOrReadOnlyOutboxStopsTheDeliveryAtOnceWithoutWaiting() throws IOException {
        // What Files.createTempFile throws on a read-only mount, and a write on a full disk (as root, as this test may
        // run, permissions alone would not refuse).
        for (IOException cause : List.of(new java.nio.file.FileSystemException("/srv/outbox/.sending-1.tmp", null, "Read-only file system"),
                new IOException("No space left on device"))) {
            waits.clear();
            List<String> tried = new ArrayList<>();
            Sender full = m -> {
                tried.add(m.to().email());
                throw new DeliveryException("could not write", cause);
            };
            LedgerDelivery d = delivery(full);
            List<Outcome> outcomes = new ArrayList<>();
            for (String to : TO) {
                outcomes.add(deliver(d, to + "." + tried.size()));
            }
            assertEquals(1, tried.size(), "one attempt, then the delivery stops: " + outcomes);
            assertEquals(List.of(), waits, "waiting does not make room");
            assertEquals(Failure.LOCAL, ((Outcome.Failed) outcomes.get(0)).kind());
            assertEquals(0, ((Outcome.Failed) outcomes.get(4)).attempt(), "not tried");
        }
    }

    @Test
    void aServerThatGreylistsEveryoneCostsOneSeriesAndOneAttemptForEachOther() throws IOException {
        try (SmtpStub greylist = SmtpStub.refusingRecipients("451 4.7.1 greylisted, try again later")) {
            LedgerDelivery d = delivery(sender(greylist.port(), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)));
            for (String to : TO) {
                Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, deliver(d, to));
                assertEquals(Failure.TRANSIENT, f.kind());
                assertEquals(DeliveryStatus.FAILED, status(to));
            }
            assertEquals(3, waits.size(), "one series: " + waits);
            assertEquals(FOUR.attempts() + TO.size() - 1, greylist.connections());
        }
    }
}
