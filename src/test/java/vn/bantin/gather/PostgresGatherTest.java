package vn.bantin.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * A real PostgreSQL database holding the sample's five exports as tables: gather pulls them with queries that use the
 * period's parameters, and the run from that snapshot gives exactly the figures of the run from the CSV files. A query
 * naming a column the table does not have ends in one line naming the source and the column, and no snapshot.
 * Skipped when no server answers on 127.0.0.1:5432, unless BANTIN_REQUIRE_POSTGRES=1.
 */
class PostgresGatherTest {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static String database;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void loadTheSampleIntoPostgres() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            database = "bantin_gather_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            database = null;
            if ("1".equals(System.getenv("BANTIN_REQUIRE_POSTGRES"))) {
                throw e;
            }
            Assumptions.abort("no PostgreSQL on 127.0.0.1:5432 (" + e.getMessage() + "); set BANTIN_REQUIRE_POSTGRES=1"
                    + " to fail instead");
        }
        try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "");
             Statement s = c.createStatement()) {
            // Dates are kept as the exports wrote them (two formats, some broken on purpose); day is the date a query
            // filters the period on, null where the text is no date (such rows are pulled, and rejected by the run).
            s.execute("CREATE FUNCTION day_of(t text) RETURNS date AS $$ BEGIN RETURN CASE WHEN t ~ '^\\d{4}-'"
                    + " THEN to_date(substr(t, 1, 10), 'YYYY-MM-DD') ELSE to_date(substr(t, 1, 10), 'DD/MM/YYYY') END;"
                    + " EXCEPTION WHEN others THEN RETURN NULL; END $$ LANGUAGE plpgsql IMMUTABLE");
            for (String table : GatherScene.FILES) {
                Path csv = GatherScene.SAMPLE.resolve(table + ".csv");
                String header = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0).replace("\uFEFF", "");
                StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (n BIGSERIAL");
                for (String col : header.split(",")) {
                    ddl.append(", ").append(col).append(" TEXT");
                }
                s.execute(ddl.append(")").toString());
                try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + header
                            + ") FROM STDIN WITH (FORMAT csv, HEADER true)", r);
                }
            }
        }
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Each export's query: the columns of the contract, the dated ones filtered on the period, in the file's order. */
    static String sources(String documentsDirection) {
        String url = SERVER + database;
        StringBuilder p = new StringBuilder();
        String[][] queries = {
                {"units", "SELECT code, name, level, parent, active_from, active_to FROM units ORDER BY n"},
                {"documents", "SELECT id, unit, " + documentsDirection + ", date, from_work_dossier, signed FROM documents"
                        + " WHERE day_of(date) IS NULL OR day_of(date) BETWEEN :period_start AND :period_end ORDER BY n"},
                {"procedures", "SELECT code, name, unit, online_level FROM procedures WHERE :as_of >= DATE '2000-01-01'"
                        + " ORDER BY n"},
                {"dossiers", "SELECT id, procedure, unit, channel, received_date, due_date, finished_date FROM dossiers"
                        + " WHERE day_of(received_date) IS NULL OR day_of(received_date) BETWEEN :period_start AND :period_end"
                        + " ORDER BY n"},
                {"feedback", "SELECT id, received_date, locality, handler, category, status, processed_date, rating"
                        + " FROM feedback WHERE day_of(received_date) IS NULL OR day_of(received_date) <= :period_end"
                        + " ORDER BY n"}};
        for (String[] q : queries) {
            p.append("source.").append(q[0]).append(".jdbc.url=").append(url).append('\n')
                    .append("source.").append(q[0]).append(".jdbc.user=postgres\n")
                    .append("source.").append(q[0]).append(".jdbc.fetch-size=500\n")
                    .append("source.").append(q[0]).append(".jdbc.query=").append(q[1]).append('\n');
        }
        return p.toString();
    }

    @Test
    void gatherThenRunGivesTheFiguresOfTheCsvSampleAndABrokenQueryLeavesNoSnapshot() throws Exception {
        GatherScene files = new GatherScene(tmp, "from-files", "");
        GatherScene.Result csvRun = files.cli("run", "--period", "2022", "--bulletin", "province");
        assertEquals(0, csvRun.exitCode(), csvRun.toString());

        GatherScene db = new GatherScene(tmp, "from-postgres", sources("direction"));
        GatherScene.Result gathered = db.cli("gather", "--period", "2022");
        assertEquals(0, gathered.exitCode(), gathered.toString());
        List<String> snapshots = db.snapshotFolders("2022");
        assertEquals(1, snapshots.size(), snapshots.toString());
        Path snapshot = db.inputs("2022").resolve(snapshots.get(0));
        String manifest = Files.readString(snapshot.resolve("manifest.json"));
        assertTrue(manifest.contains("\"rows\" : 72893") && manifest.contains("\"kind\" : \"jdbc\"")
                && manifest.contains(":period_start") && manifest.contains("\"sha256\""), manifest);
        assertTrue(!manifest.toLowerCase(Locale.ROOT).contains("password"), manifest);

        GatherScene.Result dbRun = db.cli("run", "--period", "2022", "--bulletin", "province");
        assertEquals(0, dbRun.exitCode(), dbRun.toString());
        assertEquals(Files.readString(files.out("2022").resolve("indicators.csv")),
                Files.readString(db.out("2022").resolve("indicators.csv")), "the same figures from the database");
        assertEquals(Files.readString(files.out("2022").resolve("rejects.csv")),
                Files.readString(db.out("2022").resolve("rejects.csv")), "the same rows left out, at the same lines");
        GatherScene.Result history = db.cli("history");
        assertTrue(history.out().contains("inputs " + db.inputs("2022").resolve(snapshots.get(0))), history.toString());

        // A query with a column the table does not have: one line naming the source and the column, no new snapshot.
        GatherScene broken = new GatherScene(tmp, "from-postgres", sources("direktion"));
        GatherScene.Result failed = broken.cli("gather", "--period", "2022");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertEquals(1, failed.err().strip().lines().count(), failed.toString());
        assertTrue(failed.err().contains("documents (") && failed.err().contains("direktion"), failed.toString());
        assertEquals(snapshots, db.snapshotFolders("2022"), "no snapshot, no temporary folder; the previous stays current");
    }

    @Test
    void aResultWithoutARequiredColumnIsNamedAsSuch() throws Exception {
        GatherScene scene = new GatherScene(tmp, "renamed", sources("direction AS huong"));
        GatherScene.Result failed = scene.cli("gather", "--period", "2022");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains("documents (") && failed.err().contains("no column 'direction'")
                && failed.err().contains("huong") && failed.err().contains("source.documents.column.direction"), failed.toString());
        assertEquals(List.of(), scene.snapshotFolders("2022"));
    }
}
