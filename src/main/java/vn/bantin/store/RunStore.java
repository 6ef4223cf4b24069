package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import vn.bantin.indicator.Period;

/** The history of runs: a row when a run starts, its end (success or failure) when it ends. */
public final class RunStore {
    private static final int MESSAGE_MAX = 4000;
    private static final String COLUMNS = "id, bulletin, period_key, period_start, period_end, status, started_at,"
            + " finished_at, template_hashes, input_checksums, message";

    private final DataSource db;
    private final Clock clock;

    public RunStore(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records that a run of {@code bulletin} for {@code period} starts now, with the checksums of the templates and
     * of the input files it uses (file name to checksum), and returns its id.
     */
    public long start(String bulletin, Period period, Map<String, String> templateHashes, Map<String, String> inputChecksums) {
        String sql = "INSERT INTO run (bulletin, period_key, period_start, period_end, status, started_at, template_hashes,"
                + " input_checksums) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, bulletin);
            s.setString(2, period.key());
            s.setObject(3, period.start());
            s.setObject(4, period.end());
            s.setString(5, RunStatus.RUNNING.id());
            Jdbc.setInstant(s, 6, clock.instant());
            s.setString(7, Jdbc.lines(templateHashes));
            s.setString(8, Jdbc.lines(inputChecksums));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        } catch (SQLException e) {
            throw new StoreException("The store could not record the start of the " + bulletin + " run for " + period.key()
                    + ": " + Database.firstLine(e.getMessage()) + ".", e);
        }
    }

    /** Records that run {@code id} ended well; {@code message} sums it up (may be null). */
    public void finish(long id, String message) {
        end(id, RunStatus.SUCCEEDED, message);
    }

    /** Records that run {@code id} failed, with the sentence that says why. */
    public void fail(long id, String message) {
        end(id, RunStatus.FAILED, message);
    }

    private void end(long id, RunStatus status, String message) {
        String sql = "UPDATE run SET status = ?, finished_at = ?, message = ? WHERE id = ?";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, status.id());
            Jdbc.setInstant(s, 2, clock.instant());
            s.setString(3, Jdbc.cut(message, MESSAGE_MAX));
            s.setLong(4, id);
            if (s.executeUpdate() != 1) {
                throw new StoreException("The store has no run " + id + " to record the end of.");
            }
        } catch (SQLException e) {
            throw new StoreException("The store could not record the end of run " + id + ": "
                    + Database.firstLine(e.getMessage()) + ".", e);
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

    private List<RunRow> query(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<RunRow> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new RunRow(r.getLong("id"), r.getString("bulletin"), r.getString("period_key"),
                            r.getObject("period_start", LocalDate.class), r.getObject("period_end", LocalDate.class),
                            RunStatus.of(r.getString("status")), Jdbc.getInstant(r, "started_at"),
                            Jdbc.getInstant(r, "finished_at"), Jdbc.map(r.getString("template_hashes")),
                            Jdbc.map(r.getString("input_checksums")), r.getString("message")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("The store could not read the run history: " + Database.firstLine(e.getMessage()) + ".", e);
        }
    }
}
