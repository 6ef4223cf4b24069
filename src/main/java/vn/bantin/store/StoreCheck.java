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

/**
 * {@code store check}: whether the store is reachable, at this build's schema, which services share it and whether
 * each still checks in, and which runs are recorded as running. It only reads: it neither migrates the store nor
 * marks a run abandoned, so what it reports is what the store holds.
 */
public final class StoreCheck {
    /**
     * A member that has not checked in for this many of its intervals is presumed dead; never before Quartz's own
     * grace (interval + 7.5 s), so that check does not call dead a member its cluster still counts on.
     */
    static final int INTERVALS_OF_SILENCE = 2;
    static final Duration QUARTZ_GRACE = Duration.ofMillis(7_500);

    private StoreCheck() {
    }

    /** A service recorded in Quartz's QRTZ_SCHEDULER_STATE. */
    public record Member(String scheduler, String instance, Instant lastCheckin, Duration interval, boolean alive) {
    }

    /** A run recorded as running; {@code gone} when the process that runs it is known dead or silent too long. */
    public record Running(long id, String bulletin, String periodKey, Instant startedAt, Instant heartbeat, String owner,
                          boolean gone) {
    }

    /** What the check found; {@link #ok()} only when {@code problems} is empty. */
    public record Report(String where, SchemaStatus schema, List<Member> members, List<Running> running, Instant now,
                         List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks the store at {@code address}.
     *
     * @throws StoreException when it cannot be reached (the sentence says why and what to do)
     */
    public static Report check(StoreAddress address, Clock clock) {
        OwnerAccess owner = OwnerAccess.of(address);
        try (Connection c = owner.connect()) {
            List<String> problems = new ArrayList<>();
            SchemaStatus schema = SchemaStatus.of(owner.flyway());
            problems.addAll(schema.problems(owner.where()));
            problems.addAll(application(owner));
            Instant now = clock.instant();
            List<Member> members = List.of();
            List<Running> running = List.of();
            try {
                members = members(c, now);
                for (Member m : members) {
                    if (!m.alive()) {
                        problems.add("The service " + m.instance() + " last checked in " + ago(m.lastCheckin(), now)
                                + " (every " + m.interval().toSeconds() + " s) and is presumed dead: a serve that stops"
                                + " removes its check-in, so it was killed or lost the database; the jobs it held are taken"
                                + " over by a running serve (start one if none runs).");
                    }
                }
            } catch (SQLException e) {
                problems.add("The store " + owner.where() + " has no readable cluster table (QRTZ_SCHEDULER_STATE: "
                        + Database.reason(e) + "); run 'store migrate'.");
            }
            try {
                running = running(c, now);
                for (Running r : running) {
                    if (r.gone()) {
                        problems.add("Run #" + r.id() + " (" + r.bulletin() + " " + r.periodKey() + ", started "
                                + ago(r.startedAt(), now) + ") is recorded as running but its process ("
                                + (r.owner() == null ? "unknown" : r.owner()) + ") is gone; the next run, history or serve"
                                + " marks it abandoned and releases its claims.");
                    }
                }
            } catch (SQLException e) {
                problems.add("The store " + owner.where() + " has no readable run table (" + Database.reason(e)
                        + "); run 'store migrate'.");
            }
            return new Report(owner.where(), schema, members, running, now, List.copyOf(problems));
        } catch (SQLException e) {
            throw owner.failed(e);
        }
    }

    /** Whether the account the program works as can log in and read the runs, as every command will. */
    private static List<String> application(OwnerAccess owner) {
        try {
            java.util.Optional<Connection> app = owner.connectAsApplication();
            if (app.isPresent()) {
                try (Connection c = app.get(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM run");
                     ResultSet r = s.executeQuery()) {
                    r.next();
                }
            }
            return List.of();
        } catch (SQLException e) {
            return List.of("The store " + owner.where() + " does not let the program's user " + owner.applicationUser()
                    + " in or read its runs (" + Database.reason(e) + "); run 'store migrate', which sets that user's"
                    + " password and rights again from the credentials file.");
        }
    }

    static List<Member> members(Connection c, Instant now) throws SQLException {
        String sql = "SELECT SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE"
                + " ORDER BY SCHED_NAME, INSTANCE_NAME";
        List<Member> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Instant last = Instant.ofEpochMilli(r.getLong(3));
                Duration interval = Duration.ofMillis(r.getLong(4));
                Duration silence = interval.multipliedBy(INTERVALS_OF_SILENCE);
                Duration quartz = interval.plus(QUARTZ_GRACE);
                boolean alive = !now.isAfter(last.plus(silence.compareTo(quartz) > 0 ? silence : quartz));
                out.add(new Member(r.getString(1), r.getString(2), last, interval, alive));
            }
        }
        return out;
    }

    private static List<Running> running(Connection c, Instant now) throws SQLException {
        String sql = "SELECT id, bulletin, period_key, started_at, heartbeat_at, owner FROM run WHERE status = 'running' ORDER BY id";
        List<Running> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Instant started = Jdbc.getInstant(r, "started_at");
                Instant heartbeat = Jdbc.getInstant(r, "heartbeat_at");
                String owner = r.getString("owner");
                // As RunStore.markAbandoned judges it, so that check and the next opening agree.
                boolean gone = ProcessOwner.parse(owner).map(ProcessOwner::knownDead).orElse(false)
                        || (heartbeat != null && heartbeat.isBefore(now.minus(RunStore.SILENT_FOR)));
                out.add(new Running(r.getLong("id"), r.getString("bulletin"), r.getString("period_key"), started, heartbeat,
                        owner, gone));
            }
        }
        return out;
    }

    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "at an unknown time";
        }
        long s = Math.max(0, Duration.between(then, now).toSeconds());
        return s < 120 ? s + " s ago" : s < 7200 ? (s / 60) + " min ago" : s < 172_800 ? (s / 3600) + " h ago" : (s / 86_400) + " days ago";
    }
}
