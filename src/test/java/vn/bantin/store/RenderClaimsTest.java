package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The render claim on a real store: a second claimer waits while the first holds it and gets it when it is given
 * back; a claim whose lease ran out, or whose holder on this machine is gone, is taken over; a holder that renews
 * keeps it, and learns when it lost it. On H2, and on PostgreSQL with {@code -Dbantin.test.store=postgresql}.
 */
class RenderClaimsTest {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final List<String> UNIT = List.of("unit");

    @TempDir
    Path tmp;

    private TestStores.Fresh store;
    private Database db;

    @BeforeEach
    void open() {
        store = TestStores.fresh(tmp);
        db = store.open();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        store.close();
    }

    private RenderClaims claims(Clock clock, Duration wait) {
        return new RenderClaims(db.dataSource(), clock, LEASE, wait, POLL);
    }

    @Test
    void aSecondClaimWaitsUntilTheFirstIsGivenBack() throws Exception {
        RenderClaims claims = claims(Clock.systemUTC(), Duration.ofMinutes(5));
        RenderClaims.Held first = claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false);
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<RenderClaims.Holder> seen = new AtomicReference<>();
        CompletableFuture<RenderClaims.Held> second = CompletableFuture.supplyAsync(() -> claims.acquire(UNIT, "2022-12",
                (holder, waited) -> {
                    seen.set(holder);
                    waiting.countDown();
                }, () -> false));

        assertTrue(waiting.await(30, TimeUnit.SECONDS), "the second claimer says it waits");
        assertEquals(NodeName.current(), seen.get().node(), "and for whom");
        assertTrue(!second.isDone(), "it has not got the claim while the first holds it");
        assertEquals(1, claims.held().size());

        first.close();
        try (RenderClaims.Held got = second.get(30, TimeUnit.SECONDS)) {
            assertEquals(List.of("unit"), claims.held().stream().map(RenderClaims.Holder::bulletin).toList());
        }
        assertEquals(List.of(), claims.held(), "given back");
    }

    @Test
    void anotherPeriodOrBulletinDoesNotWait() {
        RenderClaims claims = claims(Clock.systemUTC(), Duration.ZERO);
        try (RenderClaims.Held unit = claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false);
             RenderClaims.Held province = claims.acquire(List.of("province"), "2022-12", RenderClaims.Waiting.QUIET, () -> false);
             RenderClaims.Held november = claims.acquire(UNIT, "2022-11", RenderClaims.Waiting.QUIET, () -> false)) {
            assertEquals(3, claims.held().size());
        }
    }

    @Test
    void aClaimWhoseHolderDiedElsewhereIsTakenOverOnceItsLeaseRanOut() throws Exception {
        SettableClock clock = new SettableClock();
        Instant now = clock.instant();
        leftBy("4242@another-host@1", now.minusSeconds(600), now.plusSeconds(30));
        RenderClaims claims = claims(clock, Duration.ZERO);

        RenderBusyException busy = assertThrows(RenderBusyException.class,
                () -> claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false));
        assertTrue(busy.getMessage().contains("the unit bulletin of 2022-12 is being rendered by 4242@another-host"),
                busy.getMessage());
        assertTrue(busy.getMessage().contains("render.wait"), "says what to do: " + busy.getMessage());

        clock.advance(Duration.ofSeconds(31));
        try (RenderClaims.Held taken = claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false)) {
            assertEquals(NodeName.current(), claims.held().get(0).node(), "taken over after the lease");
        }
    }

    @Test
    void aClaimOfADeadProcessOnThisMachineIsTakenOverAtOnce() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        ProcessOwner dead = new ProcessOwner(gone.pid(), ProcessOwner.current().host(), 1);
        Instant now = Instant.now();
        leftBy(dead.text(), now, now.plus(LEASE));
        try (RenderClaims.Held taken = claims(Clock.systemUTC(), Duration.ZERO).acquire(UNIT, "2022-12",
                RenderClaims.Waiting.QUIET, () -> false)) {
            assertEquals(NodeName.current(), claims(Clock.systemUTC(), Duration.ZERO).held().get(0).node());
        }
    }

    @Test
    void aHolderThatRenewsKeepsItsClaimAndLearnsWhenItLostIt() {
        SettableClock clock = new SettableClock();
        RenderClaims claims = claims(clock, Duration.ZERO);
        RenderClaims.Held held = claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false);
        try {
            clock.advance(Duration.ofSeconds(100));
            held.renew();
            clock.advance(Duration.ofSeconds(100)); // past the first lease, within the renewed one
            assertThrows(RenderBusyException.class, () -> claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false));
            assertEquals(clock.instant().plusSeconds(20), claims.held().get(0).expiresAt(), "renewed for a lease from then");

            clock.advance(Duration.ofSeconds(30)); // silent past the renewed lease: another run takes it over
            try (RenderClaims.Held other = claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false)) {
                RenderBusyException lost = assertThrows(RenderBusyException.class, held::check);
                assertTrue(lost.getMessage().contains("taken over by another process"), lost.getMessage());
                held.close();
                assertEquals(1, claims.held().size(), "closing a lost claim leaves the new holder's alone");
            }
        } finally {
            held.close();
        }
    }

    @Test
    void theRenewingThreadKeepsALiveHoldersClaim() {
        // A lease of 1.5 s renewed every 0.5 s; the other claimer gives up after 4 s, more than two leases.
        RenderClaims claims = new RenderClaims(db.dataSource(), Clock.systemUTC(), Duration.ofMillis(1500), Duration.ofSeconds(4), POLL);
        try (RenderClaims.Held held = claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false)) {
            RenderBusyException busy = assertThrows(RenderBusyException.class,
                    () -> claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false));
            assertTrue(busy.getMessage().startsWith("Gave up after waiting"), busy.getMessage());
            held.check();
        }
    }

    @Test
    void aStopEndsTheWait() {
        RenderClaims claims = claims(Clock.systemUTC(), Duration.ofMinutes(5));
        try (RenderClaims.Held held = claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> false)) {
            RenderBusyException stopped = assertThrows(RenderBusyException.class,
                    () -> claims.acquire(UNIT, "2022-12", RenderClaims.Waiting.QUIET, () -> true));
            assertTrue(stopped.getMessage().startsWith("Stopped on request while waiting"), stopped.getMessage());
        }
    }

    /** A claim row as a process that stopped without giving it back leaves it. */
    private void leftBy(String holder, Instant claimedAt, Instant expiresAt) throws Exception {
        String sql = "INSERT INTO render_claim (bulletin, period_key, holder, token, claimed_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, "unit");
            s.setString(2, "2022-12");
            s.setString(3, holder);
            s.setString(4, "left-behind");
            Jdbc.setInstant(s, 5, claimedAt);
            Jdbc.setInstant(s, 6, expiresAt);
            s.executeUpdate();
        }
    }
}
