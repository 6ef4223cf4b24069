package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.OptionalInt;

import javax.sql.DataSource;

/**
 * The running document numbers of each year of issue (V11), shared by every process on the store. A bulletin made
 * again keeps its number; two processes taking the next number at once meet on the key, and the second counts again.
 */
public final class DocNumbers {
    private static final String DUPLICATE_KEY = "23505";
    private static final int ATTEMPTS = 5;

    private final DataSource db;
    private final Clock clock;

    public DocNumbers(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The number of {@code bulletin} of {@code period} issued in {@code year}: the one it was given, or the next. */
    public int take(int year, String period, String bulletin) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.getConnection()) {
                OptionalInt given = given(c, year, period, bulletin);
                if (given.isPresent()) {
                    return given.getAsInt();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO doc_number (issue_year, number, period, bulletin,"
                        + " taken_at) SELECT ?, COALESCE(MAX(number), 0) + 1, ?, ?, ? FROM doc_number WHERE issue_year = ?")) {
                    s.setInt(1, year);
                    s.setString(2, period);
                    s.setString(3, bulletin);
                    Jdbc.setInstant(s, 4, clock.instant());
                    s.setInt(5, year);
                    s.executeUpdate();
                }
                return given(c, year, period, bulletin).orElseThrow();
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw new StoreException("The store could not give the " + bulletin + " bulletin of " + period
                            + " its document number of " + year + ": " + Database.reason(e) + ".", e);
                }
            }
        }
    }

    private static OptionalInt given(Connection c, int year, String period, String bulletin) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT number FROM doc_number WHERE issue_year = ? AND period = ? AND bulletin = ?")) {
            s.setInt(1, year);
            s.setString(2, period);
            s.setString(3, bulletin);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalInt.of(r.getInt(1)) : OptionalInt.empty();
            }
        }
    }
}
