package bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The comparison side of bench/compare.sh: reads the same exports as {@code bantin data check} (units, documents,
 * dossiers of a year) with DuckDB and computes per-unit counts as bantin counts them: a document or dossier counts
 * once per id (the first row), for a unit of units.csv, dated in the year, its date in either export form. Prints
 * the rows counted and a few totals, so that both sides can be seen to have done the same work.
 * Usage: java -cp … bench.DuckDbCounts DATA_DIR YEAR
 */
public final class DuckDbCounts {
    public static void main(String[] args) throws SQLException {
        Path data = Path.of(args[0]).toAbsolutePath();
        int year = Integer.parseInt(args[1]);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE units AS SELECT code FROM read_csv('" + data.resolve("units.csv")
                    + "', header = true, all_varchar = true)");
            s.execute("CREATE MACRO day(t) AS coalesce(try_strptime(t[1:10], '%Y-%m-%d'), try_strptime(t[1:10], '%d/%m/%Y'))::DATE");
            s.execute("CREATE MACRO yes(t) AS lower(trim(t)) IN ('true', '1', 'yes', 'y', 'có', 'co')");
            print(s, "documents", "SELECT d.unit, count(*) AS counted, count(*) FILTER (lower(direction) IN ('in', 'đến', 'den')) AS incoming,"
                    + " count(*) FILTER (lower(direction) IN ('out', 'đi', 'di')) AS outgoing,"
                    + " count(*) FILTER (lower(direction) IN ('out', 'đi', 'di') AND yes(from_work_dossier) AND yes(signed)) AS qualifying"
                    + " FROM " + firstOfEachId(data.resolve("documents.csv")) + " d JOIN units u ON u.code = d.unit"
                    + " WHERE year(day(d.date)) = " + year + " GROUP BY d.unit");
            print(s, "dossiers", "SELECT d.unit, count(*) AS counted, count(*) FILTER (lower(channel) IN ('online', '2', 'trực tuyến')) AS online,"
                    + " count(*) FILTER (lower(channel) IN ('direct', '1', 'trực tiếp')) AS direct,"
                    + " count(*) FILTER (d.finished_date IS NOT NULL) AS finished"
                    + " FROM " + firstOfEachId(data.resolve("dossiers.csv")) + " d JOIN units u ON u.code = d.unit"
                    + " WHERE year(day(d.received_date)) = " + year + " GROUP BY d.unit");
        }
    }

    /** The rows of an export, a repeated id only in its first row (the others are rejects). */
    private static String firstOfEachId(Path csv) {
        return "(SELECT * FROM (SELECT *, row_number() OVER () AS line FROM read_csv('" + csv
                + "', header = true, all_varchar = true)) QUALIFY row_number() OVER (PARTITION BY id ORDER BY line) = 1)";
    }

    private static void print(Statement s, String file, String perUnit) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*), sum(COLUMNS(* EXCLUDE (unit))) FROM (" + perUnit + ")")) {
            r.next();
            StringBuilder line = new StringBuilder(file + ": " + r.getLong(1) + " units");
            for (int i = 2; i <= r.getMetaData().getColumnCount(); i++) {
                line.append(", ").append(r.getMetaData().getColumnName(i).replaceAll("^sum\\(\"?|\"?\\)$", ""))
                        .append(' ').append(r.getLong(i));
            }
            System.out.println(line);
        }
    }
}
