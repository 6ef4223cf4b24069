package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Period;

class DeliveryLedgerTest {
    private static final DeliveryKey KEY = new DeliveryKey("unit", "2022-12", "S1", "chanh.vp@bacninh.gov.vn");

    @TempDir
    Path dir;
    private TestStores.Fresh store;
    private Database db;
    private final SettableClock clock = new SettableClock();
    private DeliveryLedger ledger;

    @BeforeEach
    void open() {
        store = TestStores.fresh(dir);
        db = store.open();
        ledger = new DeliveryLedger(db.dataSource(), clock, Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theFirstClaimSendsAndASentRowIsNeverSentAgain() {
        long run = new RunStore(db.dataSource(), clock).start("province", Period.parse("2022-12"), Map.of(), Map.of());
        Claim.Send send = assertInstanceOf(Claim.Send.class, ledger.claim(KEY, "S1", run));
        assertEquals(1, send.attempt());
        assertFalse(send.afterCrash());
        assertInstanceOf(Claim.Busy.class, ledger.claim(KEY, "S1", run), "while it is being sent");

        clock.advance(Duration.ofSeconds(2));
        ledger.markSent(send, "<1.2@bacninh.gov.vn>");
        Claim.AlreadySent again = assertInstanceOf(Claim.AlreadySent.class, ledger.claim(KEY, "S1", run));
        assertEquals("<1.2@bacninh.gov.vn>", again.messageId());
        assertEquals(clock.instant(), again.at());

        DeliveryRow row = ledger.find(KEY).orElseThrow();
        assertEquals(DeliveryStatus.SENT, row.status());
        assertEquals(1, row.attempts());
        assertEquals(run, row.runId());
        assertEquals("S1", row.unitCode());
        assertNull(row.lastError());
    }

    @Test
    void aTransientFailureIsSentAgainByTheNextClaim() {
        Claim.Send first = assertInstanceOf(Claim.Send.class, ledger.claim(KEY, null, null));
        ledger.markFailed(first, "cannot connect to the mail server mail.bacninh.gov.vn:587", false);
        assertEquals(DeliveryStatus.FAILED, ledger.find(KEY).orElseThrow().status());

        Claim.Send second = assertInstanceOf(Claim.Send.class, ledger.claim(KEY, null, null));
        assertEquals(2, second.attempt());
        ledger.markSent(second, "<id>");
        DeliveryRow row = ledger.find(KEY).orElseThrow();
        assertEquals(DeliveryStatus.SENT, row.status());
        assertNull(row.lastError(), "a later success clears the error");
    }

    @Test
    void aRejectedAddressIsNotTriedAgain() {
        Claim.Send send = assertInstanceOf(Claim.Send.class, ledger.claim(KEY, null, null));
        ledger.markFailed(send, "550 5.1.1 no such user", true);
        Claim.Rejected rejected = assertInstanceOf(Claim.Rejected.class, ledger.claim(KEY, null, null));
        assertEquals("550 5.1.1 no such user", rejected.error());
        assertEquals(1, ledger.find(KEY).orElseThrow().attempts());
    }

    @Test
    void aResendSendsOneCopyAgainOnPurpose() {
        Claim.Send send = assertInstanceOf(Claim.Send.class, ledger.claim(KEY, null, null));
        assertEquals(Resend.IN_FLIGHT, ledger.resend(KEY));
        ledger.markSent(send, "<first>");
        DeliveryKey other = new DeliveryKey("province", "2022-12", "pgd@bacninh.gov.vn");
        ledger.markSent(assertInstanceOf(Claim.Send.class, ledger.claim(other, null, null)), "<other>");

        assertEquals(Resend.QUEUED, ledger.resend("unit", "2022-12", "chanh.vp@bacninh.gov.vn"));
        assertEquals(Resend.QUEUED, ledger.resend(KEY), "asking twice is the same");
        Claim.Send again = assertInstanceOf(Claim.Send.class, ledger.claim(KEY, null, null));
        assertEquals(2, again.attempt());
        assertInstanceOf(Claim.AlreadySent.class, ledger.claim(other, null, null), "the others are not sent again");
        assertEquals(Resend.NOT_FOUND, ledger.resend("unit", "2022-11", "chanh.vp@bacninh.gov.vn"));

        ledger.markFailed(again, "550 gone", true);
        assertEquals(Resend.QUEUED, ledger.resend(KEY), "a rejected address can be tried again on purpose");
        assertInstanceOf(Claim.Send.class, ledger.claim(KEY, null, null));
    }

    @Test
    void aClaimLeftBySenderThatDiedIsTakenOverAfterItsLease() {
        Claim.Send dead = assertInstanceOf(Claim.Send.class, ledger.claim(KEY, null, null));
        clock.advance(Duration.ofMinutes(9));
        assertInstanceOf(Claim.Busy.class, ledger.claim(KEY, null, null), "within the lease the sender may still be at work");

        clock.advance(Duration.ofMinutes(2));
        DeliveryLedger afterRestart = new DeliveryLedger(db.dataSource(), clock, Duration.ofMinutes(10));
        Claim.Send taken = assertInstanceOf(Claim.Send.class, afterRestart.claim(KEY, null, null));
        assertTrue(taken.afterCrash());
        assertEquals(2, taken.attempt());

        // The first sender was only slow, not dead: its failure must not overwrite the new claim.
        ledger.markFailed(dead, "timeout", false);
        assertEquals(DeliveryStatus.SENDING, ledger.find(KEY).orElseThrow().status());
        afterRestart.markSent(taken, "<second>");
        assertEquals("<second>", ledger.find(KEY).orElseThrow().messageId());
    }

    @Test
    void anAddressIsOneRowWhateverItsCase() {
        ledger.markSent(assertInstanceOf(Claim.Send.class, ledger.claim("province", "2022-12", "Chanh.VP@BacNinh.gov.vn")), "<x>");
        assertInstanceOf(Claim.AlreadySent.class, ledger.claim("province", "2022-12", " chanh.vp@bacninh.gov.vn "));
        assertInstanceOf(Claim.Send.class, ledger.claim("unit", "2022-12", "chanh.vp@bacninh.gov.vn"), "another bulletin");
        assertInstanceOf(Claim.Send.class, ledger.claim("province", "2023-01", "chanh.vp@bacninh.gov.vn"), "another period");
        assertEquals(1, ledger.list("province", "2022-12").size());
    }

    @Test
    void ofTwoSendersClaimingAtOnceOnlyOneSends() throws Exception {
        // Two ledgers, two threads, each with its own connection, as the CLI and the service would be.
        DeliveryLedger a = new DeliveryLedger(db.dataSource(), clock);
        DeliveryLedger b = new DeliveryLedger(db.dataSource(), clock);
        int rounds = 100;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Claim>> fa = pool.submit(claims(a, rounds, together));
            Future<List<Claim>> fb = pool.submit(claims(b, rounds, together));
            List<Claim> ca = fa.get(60, TimeUnit.SECONDS);
            List<Claim> cb = fb.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < rounds; i++) {
                int sends = (ca.get(i) instanceof Claim.Send ? 1 : 0) + (cb.get(i) instanceof Claim.Send ? 1 : 0);
                assertEquals(1, sends, "round " + i + ": " + ca.get(i) + " / " + cb.get(i));
                Claim other = ca.get(i) instanceof Claim.Send ? cb.get(i) : ca.get(i);
                assertInstanceOf(Claim.Busy.class, other);
            }
            assertEquals(rounds, ledger.list("province", "2022-12").size());
            assertTrue(ledger.list("province", "2022-12").stream().allMatch(r -> r.attempts() == 1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofTwoSendersRetryingAFailedRowAtOnceOnlyOneSends() throws Exception {
        int rounds = 60;
        for (int i = 0; i < rounds; i++) {
            DeliveryKey k = new DeliveryKey("province", "2022-12", "r" + i + "@bacninh.gov.vn");
            ledger.markFailed(assertInstanceOf(Claim.Send.class, ledger.claim(k, null, null)), "421 try later", false);
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Claim>> fa = pool.submit(claims(ledger, rounds, together));
            Future<List<Claim>> fb = pool.submit(claims(new DeliveryLedger(db.dataSource(), clock), rounds, together));
            List<Claim> ca = fa.get(60, TimeUnit.SECONDS);
            List<Claim> cb = fb.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < rounds; i++) {
                int sends = (ca.get(i) instanceof Claim.Send ? 1 : 0) + (cb.get(i) instanceof Claim.Send ? 1 : 0);
                assertEquals(1, sends, "round " + i + ": " + ca.get(i) + " / " + cb.get(i));
            }
            assertTrue(ledger.list("province", "2022-12").stream().allMatch(r -> r.attempts() == 2));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<List<Claim>> claims(DeliveryLedger ledger, int rounds, CyclicBarrier together) {
        return () -> {
            List<Claim> out = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                together.await(10, TimeUnit.SECONDS);
                out.add(ledger.claim(new DeliveryKey("province", "2022-12", "r" + i + "@bacninh.gov.vn"), null, null));
            }
            return out;
        };
    }
}
