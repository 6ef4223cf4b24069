package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import vn.bantin.indicator.Period;

/**
 * The history of runs: a row when a run starts, its end when it ends, however it ends. A run whose process died
 * without recording its end is marked {@code abandoned} by the next process that looks ({@link #markAbandoned}).
 */
public final class RunStore {
    /** A run on another host that recorded no progress for this long is taken for dead. */
    public static final Duration SILENT_FOR = Duration.ofMinutes(30);
    private static final int MESSAGE_MAX = 4000;
    private static final String COLUMNS = "id, bulletin, period_key, period_start, period_end, status, started_at,"
            + " finished_at, template_hashes, input_checksums, message, request_id, cause, made, sent, sent_before,"
            + " not_delivered, owner";

    private final DataSource db;
    private final Clock clock;

    public RunStore(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** {@link #begin} a request of its own, with the template and input checksums known already. */
    public long start(String bulletin, Period period, Map<String, String> templateHashes, Map<String, String> inputChecksums) {
        Jdbc.lines(templateHashes); // refuses what cannot be stored before a row is written
        Jdbc.lines(inputChecksums);
        long id = begin(bulletin, period, null, null);
        recordInputs(id, templateHashes, inputChecksums);
        return id;
    }

    /**
     * Records that a run of {@code bulletin} for {@code period} starts now in this process, as part of request
     * {@code requestId} (null: a request of its own) asked by {@code cause}, and returns its id.
     */
    public long begin(String bulletin, Period period, String requestId, String cause) {
        String sql = "INSERT INTO run (bulletin, period_key, period_start, period_end, status, started_at, request_id, cause,"
                + " owner, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Instant now = clock.instant();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, bulletin);
            s.setString(2, period.key());
            s.setObject(3, period.start());
            s.setObject(4, period.end());
            s.setString(5, RunStatus.RUNNING.id());
            Jdbc.setInstant(s, 6, now);
            s.setString(7, requestId);
            s.setString(8, Jdbc.cut(cause, 400));
            s.setString(9, ProcessOwner.current().text());
            Jdbc.setInstant(s, 10, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        } catch (SQLException e) {
            throw new StoreException("The store could not record the start of the " + bulletin + " run for " + period.key()
                    + ": " + Database.reason(e) + ".", e);
        }
    }

    /** Records the checksums of the templates and of the input files run {@code id} uses (file name to checksum). */
    public void recordInputs(long id, Map<String, String> templateHashes, Map<String, String> inputChecksums) {
        update("record the templates and inputs of run " + id,
                "UPDATE run SET template_hashes = ?, input_checksums = ? WHERE id = ?",
                Jdbc.lines(templateHashes), Jdbc.lines(inputChecksums), id);
    }

    /** Records which gathered snapshot run {@code id} reads ({@code <period>/<timestamp>}; null: the data folder). */
    public void recordSnapshot(long id, String snapshot) {
        update("record the inputs snapshot of run " + id, "UPDATE run SET inputs_snapshot = ? WHERE id = ?", snapshot, id);
    }

    /** The gathered snapshot run {@code id} read; empty when it read the data folder (or is not recorded). */
    public Optional<String> snapshotOf(long id) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT inputs_snapshot FROM run WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("The store could not read the inputs of run " + id + ": " + Database.reason(e) + ".", e);
        }
    }

    /** Every gathered snapshot a recorded run refers to: these are never pruned. */
    public java.util.Set<String> snapshotsInUse() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT DISTINCT inputs_snapshot FROM run WHERE inputs_snapshot IS NOT NULL")) {
            java.util.Set<String> out = new java.util.TreeSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("The store could not read which snapshots runs refer to: " + Database.reason(e) + ".", e);
        }
    }

    /** Records that run {@code id} is still at work (so that a process on another host does not take it for dead). */
    public void heartbeat(long id) {
        update("record the progress of run " + id, "UPDATE run SET heartbeat_at = ? WHERE id = ? AND status = 'running'",
                clock.instant(), id);
    }

    /** Records that run {@code id} ended well; {@code message} sums it up (may be null). */
    public void finish(long id, String message) {
        end(id, RunStatus.SUCCEEDED, null, message);
    }

    /** Records that run {@code id} failed, with the sentence that says why. */
    public void fail(long id, String message) {
        end(id, RunStatus.FAILED, null, message);
    }

    /** Records how run {@code id} ended: its status, what it did ({@code totals}, null if unknown) and the sentence. */
    public void end(long id, RunStatus status, RunTotals totals, String message) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run ends with any status but running");
        }
        String sql = "UPDATE run SET status = ?, finished_at = ?, message = ?, made = ?, sent = ?, sent_before = ?,"
                + " not_delivered = ? WHERE id = ?";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, status.id());
            Jdbc.setInstant(s, 2, clock.instant());
            s.setString(3, Jdbc.cut(message, MESSAGE_MAX));
            setInt(s, 4, totals == null ? null : totals.made());
            setInt(s, 5, totals == null ? null : totals.sent());
            setInt(s, 6, totals == null ? null : totals.sentBefore());
            setInt(s, 7, totals == null ? null : totals.notDelivered());
            s.setLong(8, id);
            if (s.executeUpdate() != 1) {
                throw new StoreException("The store has no run " + id + " to record the end of.");
            }
        } catch (SQLException e) {
            throw new StoreException("The store could not record the end of run " + id + ": " + Database.reason(e) + ".", e);
        }
    }

    /**
     * Marks {@code abandoned} every run still recorded as running whose process is gone: on this host, a process
     * that no longer exists; elsewhere, one silent for {@link #SILENT_FOR}. Returns how many it marked.
     */
    public int markAbandoned() {
        Instant now = clock.instant();
        int marked = 0;
        for (Running r : running()) {
            boolean dead = ProcessOwner.parse(r.owner()).map(ProcessOwner::knownDead).orElse(false)
                    || (r.heartbeat() != null && r.heartbeat().isBefore(now.minus(SILENT_FOR)));
            if (dead && update("record that run " + r.id() + " was abandoned",
                    "UPDATE run SET status = 'abandoned', finished_at = ?, message = ? WHERE id = ? AND status = 'running'",
                    now, "its process (" + (r.owner() == null ? "unknown" : NodeName.of(r.owner())) + ") ended without recording"
                            + " the end; the ledger keeps what it sent, and the next run of the period finishes the rest", r.id()) == 1) {
                marked++;
                // Its claims are orphans: nobody will record their outcome, so they need not wait out the lease. The
                // message that was inside its SMTP transaction may have been accepted: sending it again is the one
                // possible duplicate, the same as after the lease.
                releaseClaims("run " + r.id(), "run_id = ?", "the process sending it (run " + r.id() + ") died before the server's answer"
                        + " was recorded; sent again, so the recipient may get it twice", now, r.id());
            }
        }
        releaseOrphanClaims(now);
        return marked;
    }

    /**
     * Releases the claims of the rows that {@code where} selects. A row still {@code sending} had not reached the
     * final dot: it becomes {@code failed}, to be sent again. A row already {@code uncertain} had (the server may have
     * it): it stays uncertain with its claim dropped, so that the next claim sends it as the one retry of an
     * uncertain message, under the same Message-ID, and a second doubt leaves it to the administrator.
     */
    private void releaseClaims(String whose, String where, String reason, Instant now, Object... args) {
        Object[] sendingArgs = new Object[args.length + 2];
        sendingArgs[0] = reason;
        sendingArgs[1] = now;
        System.arraycopy(args, 0, sendingArgs, 2, args.length);
        update("release the claims of " + whose, "UPDATE delivery SET status = 'failed', claim_token = NULL, last_error = ?,"
                + " updated_at = ? WHERE status = 'sending' AND " + where, sendingArgs);
        update("release the claims of " + whose, "UPDATE delivery SET claim_token = NULL, last_error = ?,"
                + " updated_at = ? WHERE status = 'uncertain' AND claim_token IS NOT NULL AND " + where, sendingArgs);
    }

    /**
     * A claim held in the name of a run that has ended (an error such as OutOfMemoryError went through the send and
     * the run was recorded failed) will never be settled by it: it is released at once, like a dead process's.
     */
    private void releaseOrphanClaims(Instant now) {
        releaseClaims("ended runs", "run_id IN (SELECT id FROM run WHERE status <> 'running')", "the run sending it ended before the"
                + " server's answer was recorded; sent again, so the recipient may get it twice", now);
    }

    private record Running(long id, String owner, Instant heartbeat) {
    }

    private List<Running> running() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, owner, heartbeat_at FROM run WHERE status = 'running'")) {
            List<Running> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Running(r.getLong("id"), r.getString("owner"), Jdbc.getInstant(r, "heartbeat_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("The store could not read the runs in progress: " + Database.reason(e) + ".", e);
        }
    }

    public Optional<RunRow> find(long id) {
        List<RunRow> rows = query("SELECT " + COLUMNS + " FROM run WHERE id = ?", id);
        return rows.stream().findFirst();
    }

    /** The latest {@code limit} runs, newest first. */
    public List<RunRow> recent(int limit) {
        return query("SELECT " + COLUMNS + " FROM run ORDER BY started_at DESC, id DESC FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY");
    }

    /** The runs of one request, oldest first. */
    public List<RunRow> ofRequest(String requestId) {
        return query("SELECT " + COLUMNS + " FROM run WHERE request_id = ? ORDER BY started_at, id", requestId);
    }

    /** The runs of one period ({@link Period#key}), newest first. */
    public List<RunRow> ofPeriod(String periodKey) {
        return query("SELECT " + COLUMNS + " FROM run WHERE period_key = ? ORDER BY started_at DESC, id DESC", periodKey);
    }

    /**
     * The latest {@code limit} requests, newest first, each with its runs: the batches of one service request are
     * one request, as is a CLI run.
     */
    public List<RequestRow> recentRequests(int limit) {
        Map<String, List<RunRow>> byRequest = new LinkedHashMap<>();
        // Enough runs to fill the requests asked for: a request has at most a few dozen batches.
        for (RunRow r : recent(Math.max(1, limit) * 50)) {
            if (byRequest.size() == limit && !byRequest.containsKey(r.request())) {
                continue;
            }
            byRequest.computeIfAbsent(r.request(), k -> new ArrayList<>()).add(r);
        }
        List<RequestRow> out = new ArrayList<>();
        for (List<RunRow> runs : byRequest.values()) {
            List<RunRow> oldestFirst = new ArrayList<>(runs);
            java.util.Collections.reverse(oldestFirst);
            out.add(new RequestRow(runs.get(0).request(), oldestFirst));
        }
        return out;
    }

    private int update(String what, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Instant t) {
                    Jdbc.setInstant(s, i + 1, t);
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("The store could not " + what + ": " + Database.reason(e) + ".", e);
        }
    }

    private static void setInt(PreparedStatement s, int index, Integer v) throws SQLException {
        if (v == null) {
            s.setNull(index, java.sql.Types.INTEGER);
        } else {
            s.setInt(index, v);
        }
    }

    private List<RunRow> query(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<RunRow> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int made = r.getInt("made");
                    RunTotals totals = r.wasNull() ? null : new RunTotals(made, r.getInt("sent"), r.getInt("sent_before"),
                            r.getInt("not_delivered"));
                    out.add(new RunRow(r.getLong("id"), r.getString("bulletin"), r.getString("period_key"),
                            r.getObject("period_start", LocalDate.class), r.getObject("period_end", LocalDate.class),
                            RunStatus.of(r.getString("status")), Jdbc.getInstant(r, "started_at"),
                            Jdbc.getInstant(r, "finished_at"), Jdbc.map(r.getString("template_hashes")),
                            Jdbc.map(r.getString("input_checksums")), r.getString("message"), r.getString("request_id"),
                            r.getString("cause"), totals, NodeName.of(r.getString("owner"))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("The store could not read the run history: " + Database.reason(e) + ".", e);
        }
    }
}
