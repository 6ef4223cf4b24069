package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who renders which period of which bulletin, across every process that shares the store (several services on one
 * PostgreSQL database, or a {@code run} beside them): a row of {@code render_claim} per (bulletin, period), not a lock
 * of one JVM. A run takes the claim before it writes the period's snapshots and files, renews its lease while it
 * works, and gives it back once its files are in place, before it delivers: the delivery ledger, not this claim, is
 * what keeps a message from going out twice, so another node may render while this one sends.
 *
 * <p>Taking a claim is one atomic statement (an insert that the primary key lets only one process make, or an
 * update conditional on the token it replaces); a run that finds the claim held polls until it is free, telling
 * {@link Waiting} how long it has waited, and gives up after its bound with a {@link RenderBusyException}. A claim
 * whose lease ran out (its holder died, or froze longer than the lease) is taken over, as is one whose holder is a
 * process on this machine that no longer exists.
 */
public final class RenderClaims {
    /** Long enough for a renewal to be late a few times; short enough that a dead node holds nobody up for long. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    /** The render of the province bulletin and 1,000 unit bulletins takes minutes; a wait of this long means trouble. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How often a long wait is reported. */
    private static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    private static final String DUPLICATE_KEY = "23505";
    private static final Logger LOG = LoggerFactory.getLogger(RenderClaims.class);

    private final DataSource db;
    private final Clock clock;
    private final Duration lease;
    private final Duration wait;
    private final Duration poll;

    public RenderClaims(DataSource db, Clock clock, Duration lease, Duration wait) {
        this(db, clock, lease, wait, POLL);
    }

    /** {@code poll}: how often a waiting run looks at the claim again (tests look more often). */
    public RenderClaims(DataSource db, Clock clock, Duration lease, Duration wait, Duration poll) {
        if (lease.isNegative() || lease.isZero() || wait.isNegative() || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("lease and poll must be positive, wait not negative");
        }
        this.db = db;
        this.clock = clock;
        this.lease = lease;
        this.wait = wait;
        this.poll = poll;
    }

    /** A claim as another process sees it: who holds it ({@code node}, pid@host), since when, until when unless renewed. */
    public record Holder(String bulletin, String periodKey, String node, Instant claimedAt, Instant expiresAt) {
        String describe() {
            return "the " + bulletin + " bulletin of " + periodKey + " is being rendered by " + node + " since " + claimedAt;
        }
    }

    /** Told while a run waits for a claim another process holds. */
    public interface Waiting {
        /** The claim is held by {@code holder}; this run has waited {@code waited} so far (zero the first time). */
        void waiting(Holder holder, Duration waited);

        /** Tells nobody. */
        Waiting QUIET = (holder, waited) -> { };
    }

    /**
     * Takes the claims of {@code bulletins} for {@code periodKey}, in the order given (callers use one order, so that
     * two runs never wait for each other), waiting while another process holds one. A claim taken is renewed every
     * third of the lease by a thread of its own until {@link Held#close}.
     *
     * @param stop asked between two looks: true ends the wait at once
     * @throws RenderBusyException when the wait bound passed, the stop was asked, or the thread was interrupted, with
     *                             a sentence that names the holder; the claims taken so far are given back
     */
    public Held acquire(List<String> bulletins, String periodKey, Waiting waiting, BooleanSupplier stop) {
        Held held = new Held(periodKey);
        try {
            for (String bulletin : bulletins) {
                held.add(bulletin, acquireOne(bulletin, periodKey, waiting, stop));
            }
            held.startRenewing();
            return held;
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
    }

    private String acquireOne(String bulletin, String periodKey, Waiting waiting, BooleanSupplier stop) {
        long start = System.nanoTime();
        Duration reported = null;
        while (true) {
            String token = UUID.randomUUID().toString();
            Optional<Holder> busy = tryTake(bulletin, periodKey, token);
            if (busy.isEmpty()) {
                return token;
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (reported == null || waited.minus(reported).compareTo(REPORT_EVERY) >= 0) {
                waiting.waiting(busy.get(), reported == null ? Duration.ZERO : waited);
                reported = waited;
            }
            if (stop.getAsBoolean()) {
                throw new RenderBusyException("Stopped on request while waiting: " + busy.get().describe() + ".");
            }
            if (waited.compareTo(wait) >= 0) {
                throw new RenderBusyException("Gave up after waiting " + minutes(waited) + ": " + busy.get().describe()
                        + " and its lease is kept renewed (until " + busy.get().expiresAt() + "); run it again once that"
                        + " run ends, or raise render.wait (now " + wait + ").");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RenderBusyException("Interrupted while waiting: " + busy.get().describe() + ".");
            }
        }
    }

    /** Takes the claim with {@code token} if it is free, expired or its holder is known dead; otherwise says who holds it. */
    Optional<Holder> tryTake(String bulletin, String periodKey, String token) {
        try (Connection c = db.getConnection()) {
            for (int round = 0; round < 5; round++) {
                Instant now = clock.instant();
                if (insert(c, bulletin, periodKey, token, now)) {
                    return Optional.empty();
                }
                Optional<Row> row = read(c, bulletin, periodKey);
                if (row.isEmpty()) {
                    continue; // given back between the insert and the read
                }
                Row r = row.get();
                boolean expired = r.expiresAt().isBefore(now);
                boolean dead = ProcessOwner.parse(r.holder()).map(ProcessOwner::knownDead).orElse(false);
                if (!expired && !dead) {
                    return Optional.of(r.holder(bulletin, periodKey));
                }
                if (takeOver(c, bulletin, periodKey, r.token(), token, now)) {
                    LOG.warn("The render claim of the {} bulletin of {} held by {} was taken over: {}.", bulletin, periodKey,
                            NodeName.of(r.holder()), dead ? "that process no longer runs" : "its lease ran out at " + r.expiresAt());
                    return Optional.empty();
                }
                // Another process took it over first, or its holder renewed it: look again.
            }
            throw new StoreException("The render claim of the " + bulletin + " bulletin of " + periodKey
                    + " keeps changing under this run; try again.");
        } catch (SQLException e) {
            throw failure("claim the rendering of the " + bulletin + " bulletin of " + periodKey, e);
        }
    }

    private boolean insert(Connection c, String bulletin, String periodKey, String token, Instant now) throws SQLException {
        String sql = "INSERT INTO render_claim (bulletin, period_key, holder, token, claimed_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, bulletin);
            s.setString(2, periodKey);
            s.setString(3, ProcessOwner.current().text());
            s.setString(4, token);
            Jdbc.setInstant(s, 5, now);
            Jdbc.setInstant(s, 6, now.plus(lease));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            // Held already: the primary key lets one row in. Auto-commit is on, so on PostgreSQL too the failed insert
            // leaves no transaction to abort.
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private boolean takeOver(Connection c, String bulletin, String periodKey, String oldToken, String token, Instant now)
            throws SQLException {
        String sql = "UPDATE render_claim SET holder = ?, token = ?, claimed_at = ?, expires_at = ?"
                + " WHERE bulletin = ? AND period_key = ? AND token = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, ProcessOwner.current().text());
            s.setString(2, token);
            Jdbc.setInstant(s, 3, now);
            Jdbc.setInstant(s, 4, now.plus(lease));
            s.setString(5, bulletin);
            s.setString(6, periodKey);
            s.setString(7, oldToken);
            return s.executeUpdate() == 1;
        }
    }

    private record Row(String holder, String token, Instant claimedAt, Instant expiresAt) {
        Holder holder(String bulletin, String periodKey) {
            return new Holder(bulletin, periodKey, NodeName.of(holder), claimedAt, expiresAt);
        }
    }

    private static Optional<Row> read(Connection c, String bulletin, String periodKey) throws SQLException {
        String sql = "SELECT holder, token, claimed_at, expires_at FROM render_claim WHERE bulletin = ? AND period_key = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, bulletin);
            s.setString(2, periodKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Row(r.getString("holder"), r.getString("token"),
                        Jdbc.getInstant(r, "claimed_at"), Jdbc.getInstant(r, "expires_at"))) : Optional.empty();
            }
        }
    }

    /** Every claim held now, by bulletin and period. */
    public List<Holder> held() {
        String sql = "SELECT bulletin, period_key, holder, claimed_at, expires_at FROM render_claim ORDER BY period_key, bulletin";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            List<Holder> out = new ArrayList<>();
            while (r.next()) {
                out.add(new Holder(r.getString("bulletin"), r.getString("period_key"), NodeName.of(r.getString("holder")),
                        Jdbc.getInstant(r, "claimed_at"), Jdbc.getInstant(r, "expires_at")));
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the render claims", e);
        }
    }

    /**
     * The claims one run holds. {@link #renew} pushes their lease on (a thread does it every third of the lease);
     * {@link #check} says whether they are still this run's; {@link #close} gives them back.
     */
    public final class Held implements AutoCloseable {
        private final String periodKey;
        private final List<String[]> claims = new ArrayList<>(); // bulletin, token
        private volatile boolean lost;
        private ScheduledExecutorService renewer;

        private Held(String periodKey) {
            this.periodKey = periodKey;
        }

        private void add(String bulletin, String token) {
            claims.add(new String[] {bulletin, token});
        }

        private void startRenewing() {
            long every = Math.max(1, lease.toMillis() / 3);
            renewer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bantin-render-claim-" + periodKey);
                t.setDaemon(true);
                return t;
            });
            renewer.scheduleWithFixedDelay(() -> {
                try {
                    renew();
                } catch (RuntimeException e) {
                    // The store may be back at the next try; if it stays away the lease runs out and check() says so.
                    LOG.warn("The render claim of {} could not be renewed: {}", periodKey, e.getMessage());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }

        /** Pushes the lease of every claim held to a full lease from now; a claim no longer this run's is marked lost. */
        public void renew() {
            String sql = "UPDATE render_claim SET expires_at = ? WHERE bulletin = ? AND period_key = ? AND token = ?";
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                for (String[] claim : claims) {
                    Jdbc.setInstant(s, 1, clock.instant().plus(lease));
                    s.setString(2, claim[0]);
                    s.setString(3, periodKey);
                    s.setString(4, claim[1]);
                    if (s.executeUpdate() == 0 && !lost) {
                        lost = true;
                        LOG.warn("The render claim of the {} bulletin of {} was taken over by another process: this run"
                                + " was silent for longer than render.lease ({}).", claim[0], periodKey, lease);
                    }
                }
            } catch (SQLException e) {
                throw failure("renew the render claim of " + periodKey, e);
            }
        }

        /**
         * Renews the claims now and fails if one was taken over meanwhile: the run that took it may be writing the
         * same period, so this one must not put its files in place.
         */
        public void check() {
            renew();
            if (lost) {
                throw new RenderBusyException("The render claim of " + periodKey + " was taken over by another process while"
                        + " this run rendered (it was silent for longer than render.lease, " + lease + "); its files are"
                        + " not put in place. Run it again, and raise render.lease if the machine is that busy.");
            }
        }

        /** Gives the claims back (those still this run's); safe to call more than once. */
        @Override
        public void close() {
            if (renewer != null) {
                renewer.shutdownNow();
            }
            String sql = "DELETE FROM render_claim WHERE bulletin = ? AND period_key = ? AND token = ?";
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                for (String[] claim : claims) {
                    s.setString(1, claim[0]);
                    s.setString(2, periodKey);
                    s.setString(3, claim[1]);
                    s.executeUpdate();
                }
            } catch (SQLException e) {
                // Not given back: it runs out after its lease, and the next run takes it over then.
                LOG.warn("The render claim of {} could not be given back ({}); it runs out after {}.", periodKey,
                        Database.firstLine(e.getMessage()), lease);
            }
            claims.clear();
        }
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s / 60 + " min";
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException("The store could not " + what + ": " + Database.firstLine(e.getMessage()) + ".", e);
    }
}
