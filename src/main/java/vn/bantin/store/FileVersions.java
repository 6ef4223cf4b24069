package vn.bantin.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The history of the editable files (templates and the recipients list) and the candidates staged for them, with
 * their bytes, in the store (V9), so that every machine that shares the store sees the same history.
 */
public final class FileVersions {
    public static final String TEMPLATES = "templates";
    public static final String CONFIG = "config";

    private static final String VERSION_COLUMNS = "id, area, path, version, sha256, size_bytes, changed_by, changed_at, action";
    private static final String CANDIDATE_COLUMNS = "id, area, path, sha256, size_bytes, base_sha256, problems, state,"
            + " staged_by, staged_at, closed_by, closed_at";
    private static final String DUPLICATE_KEY = "23505";
    private static final int ATTEMPTS = 3;

    private final DataSource db;
    private final Clock clock;

    public FileVersions(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The newest recorded version of each file of {@code area}, by path. */
    public List<FileVersion> latest(String area) {
        return versions("SELECT " + VERSION_COLUMNS + " FROM file_version v WHERE area = ? AND version ="
                + " (SELECT MAX(version) FROM file_version w WHERE w.area = v.area AND w.path = v.path) ORDER BY path", area);
    }

    /** Every recorded version of one file, newest first. */
    public List<FileVersion> history(String area, String path) {
        return versions("SELECT " + VERSION_COLUMNS + " FROM file_version WHERE area = ? AND path = ? ORDER BY version DESC",
                area, path);
    }

    public Optional<FileVersion> version(String area, String path, int version) {
        return versions("SELECT " + VERSION_COLUMNS + " FROM file_version WHERE area = ? AND path = ? AND version = ?",
                area, path, version).stream().findFirst();
    }

    /** The bytes of a recorded version. */
    public byte[] content(FileVersion v) {
        return bytes("SELECT content FROM file_version WHERE id = ?", v.id());
    }

    /**
     * Records {@code content} as the next version of the file. Two editors recording the same file at once both
     * count the same next number; the second meets the first's as a duplicate key and counts again.
     */
    public FileVersion add(String area, String path, byte[] content, String by, String action) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    int next;
                    try (PreparedStatement s = c.prepareStatement(
                            "SELECT COALESCE(MAX(version), 0) + 1 FROM file_version WHERE area = ? AND path = ?")) {
                        s.setString(1, area);
                        s.setString(2, path);
                        try (ResultSet r = s.executeQuery()) {
                            r.next();
                            next = r.getInt(1);
                        }
                    }
                    long id;
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO file_version (area, path, version, sha256,"
                            + " size_bytes, content, changed_by, changed_at, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS)) {
                        s.setString(1, area);
                        s.setString(2, path);
                        s.setInt(3, next);
                        s.setString(4, sha256(content));
                        s.setLong(5, content.length);
                        s.setBytes(6, content);
                        s.setString(7, Jdbc.cut(by, 200));
                        Jdbc.setInstant(s, 8, clock.instant());
                        s.setString(9, Jdbc.cut(action, 200));
                        s.executeUpdate();
                        id = generatedId(s);
                    }
                    c.commit();
                    return versions("SELECT " + VERSION_COLUMNS + " FROM file_version WHERE id = ?", id).get(0);
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw failed("record a version of " + path, e);
                }
            }
        }
    }

    /** Keeps a candidate with its check's problems; it waits, {@code staged}, to be published or discarded. */
    public Candidate stage(String area, String path, byte[] content, String baseSha256, List<String> problems, String by) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO file_candidate (area,"
                + " path, sha256, size_bytes, content, base_sha256, problems, state, staged_by, staged_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, area);
            s.setString(2, path);
            s.setString(3, sha256(content));
            s.setLong(4, content.length);
            s.setBytes(5, content);
            s.setString(6, baseSha256);
            s.setString(7, String.join("\n", problems));
            s.setString(8, Candidate.STAGED);
            s.setString(9, Jdbc.cut(by, 200));
            Jdbc.setInstant(s, 10, clock.instant());
            s.executeUpdate();
            return candidate(generatedId(s)).orElseThrow();
        } catch (SQLException e) {
            throw failed("keep the candidate for " + path, e);
        }
    }

    public Optional<Candidate> candidate(long id) {
        return candidates("SELECT " + CANDIDATE_COLUMNS + " FROM file_candidate WHERE id = ?", id).stream().findFirst();
    }

    /** The candidates of {@code area} still waiting, oldest first. */
    public List<Candidate> staged(String area) {
        return candidates("SELECT " + CANDIDATE_COLUMNS + " FROM file_candidate WHERE area = ? AND state = ? ORDER BY id",
                area, Candidate.STAGED);
    }

    public byte[] content(Candidate candidate) {
        return bytes("SELECT content FROM file_candidate WHERE id = ?", candidate.id());
    }

    /**
     * Ends a staged candidate as {@code published} or {@code discarded}; false when it was not staged any more
     * (another editor published or discarded it first), so that only one of two at once goes on.
     */
    public boolean close(long id, String state, String by) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE file_candidate SET state = ?, closed_by = ?, closed_at = ? WHERE id = ? AND state = ?")) {
            s.setString(1, state);
            s.setString(2, Jdbc.cut(by, 200));
            Jdbc.setInstant(s, 3, clock.instant());
            s.setLong(4, id);
            s.setString(5, Candidate.STAGED);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("close candidate " + id, e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private List<FileVersion> versions(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<FileVersion> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new FileVersion(r.getLong("id"), r.getString("area"), r.getString("path"), r.getInt("version"),
                            r.getString("sha256"), r.getLong("size_bytes"), r.getString("changed_by"),
                            Jdbc.getInstant(r, "changed_at"), r.getString("action")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read the versions of the edited files", e);
        }
    }

    private List<Candidate> candidates(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<Candidate> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String problems = r.getString("problems");
                    out.add(new Candidate(r.getLong("id"), r.getString("area"), r.getString("path"), r.getString("sha256"),
                            r.getLong("size_bytes"), r.getString("base_sha256"),
                            problems == null || problems.isEmpty() ? List.of() : problems.lines().toList(),
                            r.getString("state"), r.getString("staged_by"), Jdbc.getInstant(r, "staged_at"),
                            r.getString("closed_by"), Jdbc.getInstant(r, "closed_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read the staged candidates", e);
        }
    }

    private byte[] bytes(String sql, long id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new StoreException("The store holds no file content with id " + id + ".");
                }
                return r.getBytes(1);
            }
        } catch (SQLException e) {
            throw failed("read a file's content", e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    private static long generatedId(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static StoreException failed(String what, SQLException e) {
        return new StoreException("The store could not " + what + ": " + Database.reason(e) + ".", e);
    }
}
