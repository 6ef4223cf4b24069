package vn.bantin.gather;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import vn.bantin.indicator.Period;
import vn.bantin.source.RemoteSource;
import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;

/**
 * Runs one export's query on a read-only connection and streams its rows into the contract's CSV, {@code fetchSize}
 * rows at a time (PostgreSQL streams only inside a transaction, hence no auto-commit): memory does not grow with the
 * number of rows.
 */
final class JdbcPull {
    /** Rows between two progress lines. */
    static final long PROGRESS_EVERY = 100_000;
    private static final int LOGIN_TIMEOUT_SECONDS = 30;
    /** A database that sends nothing for this long (no first row, no next batch) is given up, never waited on forever. */
    static final int SILENCE_TIMEOUT_MILLIS = 10 * 60 * 1000;

    private JdbcPull() {
    }

    static Pulled pull(SourceFile source, SourceFormat format, RemoteSource.Jdbc remote, Period period, Path file,
                       Consumer<String> progress) {
        String what = source.key() + " (" + remote.describe() + ")";
        Properties login = new Properties();
        if (!remote.user().isEmpty()) {
            login.setProperty("user", remote.user());
        }
        if (!remote.passwordEnv().isEmpty()) {
            String password = System.getenv(remote.passwordEnv());
            if (password == null) {
                throw new GatherException(what + ": the environment variable named by source." + source.key()
                        + ".jdbc.password-env is not set; set it to the database password before gather runs");
            }
            login.setProperty("password", password);
        }
        NamedQuery query = NamedQuery.parse(remote.query());
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection c = DriverManager.getConnection(remote.url(), login)) {
            c.setNetworkTimeout(Runnable::run, SILENCE_TIMEOUT_MILLIS);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(remote.fetchSize());
                for (int i = 0; i < query.names().size(); i++) {
                    s.setDate(i + 1, java.sql.Date.valueOf(value(query.names().get(i), period)));
                }
                try (ResultSet r = s.executeQuery()) {
                    ResultSetMetaData meta = r.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnLabel(i));
                    }
                    try (ContractCsv out = ContractCsv.open(file, source, format, columns, what)) {
                        List<String> row = new ArrayList<>(columns.size());
                        while (r.next()) {
                            row.clear();
                            for (int i = 1; i <= columns.size(); i++) {
                                row.add(text(r.getObject(i)));
                            }
                            out.row(row);
                            if (out.rows() % PROGRESS_EVERY == 0) {
                                progress.accept("  " + source.key() + ": " + String.format("%,d", out.rows()) + " rows");
                            }
                        }
                        out.close();
                        return new Pulled(out.rows(), out.sha256());
                    }
                }
            } finally {
                rollback(c);
            }
        } catch (SQLException e) {
            throw new GatherException(what + ": " + firstLine(e) + (e.getSQLState() != null && e.getSQLState().startsWith("08")
                    ? "; check that the database is reachable from this machine" : e.getSQLState() != null
                    && e.getSQLState().startsWith("28") ? "; check source." + source.key() + ".jdbc.user and the password"
                    + " in the variable named by source." + source.key() + ".jdbc.password-env"
                    : "; check source." + source.key() + ".jdbc.query"), e);
        } catch (IOException e) {
            throw new GatherException(what + ": could not write " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** What was written: how many rows and the file's SHA-256. */
    record Pulled(long rows, String sha256) {
    }

    static LocalDate value(String name, Period period) {
        return switch (name) {
            case "period_start" -> period.start();
            case "period_end", "as_of" -> period.end();
            default -> throw new IllegalArgumentException("unknown parameter :" + name);
        };
    }

    /** A value as the contract's CSV writes it: dates ISO, booleans true/false, numbers plain; null is empty. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (v instanceof java.time.temporal.TemporalAccessor) {
            return v.toString();
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().scale() <= 0 ? b.toBigInteger().toString() : b.toPlainString();
        }
        if (v instanceof byte[]) {
            throw new IllegalArgumentException("binary column");
        }
        return v.toString();
    }

    /** Read only: nothing to keep; a connection already broken has nothing to roll back either. */
    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the failure that broke it is the one reported
        }
    }

    static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
