package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.store.TestPostgres;
import vn.bantin.store.TestStores;

/**
 * The store commands as a user runs them: the README sample's store copied into another and read back by
 * history, a copy refused into a store that holds data, check fooled in the ways a store goes wrong, migrate's
 * account of what it did.
 */
class StoreCommandTest {
    @TempDir
    static Path sample;
    static String sampleStore;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runTheSample() {
        sampleStore = CliRun.h2Store(sample);
        CliRun run = CliRun.of("run", "--period", "2022", "--store", sampleStore, "--out", sample.resolve("out").toString(),
                "--outbox", sample.resolve("outbox").toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        // a request waiting in Quartz's tables, for the copy to carry over
        CliRun queued = CliRun.of("trigger", "--bulletin", "province", "--period", "2022-11", "--queue", "--store", sampleStore);
        assertEquals(0, queued.exitCode(), queued.out() + queued.err());
    }

    @Test
    void copyMovesTheStoreAndHistoryShowsTheSameRunsDeliveriesAndAttachments() throws IOException {
        String target = CliRun.h2Store(tmp);
        CliRun copy = CliRun.of("store", "copy", "--store", sampleStore, "--to", target);
        assertEquals(0, copy.exitCode(), copy.out() + copy.err());
        assertTrue(copy.out().contains("row counts verified"), copy.out());
        assertTrue(copy.out().matches("(?s).*\\n  delivery +158 +158\\n.*"), copy.out());
        assertTrue(copy.out().matches("(?s).*\\n  delivery_attachment +(\\d+) +\\1\\n.*"), copy.out());
        assertTrue(copy.out().contains("attachments: "), copy.out());

        String before = CliRun.of("history", "--store", sampleStore, "--period", "2022").out();
        String after = CliRun.of("history", "--store", target, "--period", "2022").out();
        assertTrue(before.contains("158 sent"), before);
        assertEquals(before.replace(where(sampleStore), "STORE").replace(sample.resolve("var/archive").toString(), "ARCHIVE"),
                after.replace(where(target), "STORE").replace(tmp.resolve("var/archive").toString(), "ARCHIVE"));
        try (Stream<Path> kept = Files.list(tmp.resolve("var/archive"))) {
            assertEquals(archived(sample), kept.count(), "every archived attachment is in the target's archive");
        }

        String schedule = CliRun.of("schedule", "--store", target).out();
        assertTrue(schedule.contains("1 waiting in the store:\n  request province 2022-11"), schedule);

        // The copied store goes on: a new run record gets an id after the copied ones, and nothing is sent twice.
        CliRun again = CliRun.of("run", "--period", "2022", "--store", target, "--out", tmp.resolve("out").toString(),
                "--outbox", tmp.resolve("outbox").toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertFalse(Files.exists(tmp.resolve("outbox")) && folderHasFiles(tmp.resolve("outbox")), "nothing sent again\n" + again.out());
        String history = CliRun.of("history", "--store", target).out();
        assertTrue(history.lines().skip(1).findFirst().orElse("").contains("#2 "), history);
    }

    @Test
    void aTargetThatHoldsDataIsRefusedAndLeftAsItWas() {
        String target = CliRun.h2Store(tmp);
        CliRun made = CliRun.of("run", "--period", "2022-12", "--bulletin", "province", "--store", target,
                "--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString());
        assertEquals(0, made.exitCode(), made.out() + made.err());
        String before = CliRun.of("history", "--store", target, "--period", "2022-12").out();

        CliRun copy = CliRun.of("store", "copy", "--store", sampleStore, "--to", target);
        assertEquals(1, copy.exitCode(), copy.out() + copy.err());
        assertTrue(copy.err().contains("already holds data (") && copy.err().contains("nothing was written to it"), copy.err());
        assertEquals(before, CliRun.of("history", "--store", target, "--period", "2022-12").out());
    }

    @Test
    void migrateSaysWhatItApplied() {
        String store = CliRun.h2Store(tmp);
        CliRun first = CliRun.of("store", "migrate", "--store", store);
        assertEquals(0, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().contains("schema before: none (a new store)"), first.out());
        assertTrue(first.out().contains("applied: 1 (runs deliveries snapshots), 2 (quartz)"), first.out());
        assertTrue(first.out().matches("(?s).*schema after: \\d+ \\([^)]*\\), this build's newest\\n.*"), first.out());

        CliRun second = CliRun.of("store", "migrate", "--store", store);
        assertEquals(0, second.exitCode(), second.out() + second.err());
        assertTrue(second.out().contains("applied: nothing"), second.out());
    }

    @Test
    void checkSaysOkOnlyWhenAllIsWell() throws SQLException {
        String store = CliRun.h2Store(tmp);
        assertEquals(0, CliRun.of("store", "migrate", "--store", store).exitCode());
        CliRun good = CliRun.of("store", "check", "--store", store);
        assertEquals(0, good.exitCode(), good.out() + good.err());
        assertTrue(good.out().contains("up to date") && good.out().contains("store OK"), good.out());

        long now = System.currentTimeMillis();
        owner("INSERT INTO QRTZ_SCHEDULER_STATE VALUES ('bantin', 'node-a', " + now + ", 15000)");
        CliRun alive = CliRun.of("store", "check", "--store", store);
        assertEquals(0, alive.exitCode(), alive.out() + alive.err());
        assertTrue(alive.out().matches("(?s).*node-a +last check-in .*, alive \\(every 15 s\\).*"), alive.out());

        owner("INSERT INTO QRTZ_SCHEDULER_STATE VALUES ('bantin', 'node-b', " + (now - 120_000) + ", 15000)");
        CliRun stale = CliRun.of("store", "check", "--store", store);
        assertEquals(1, stale.exitCode(), stale.out() + stale.err());
        assertTrue(stale.out().matches("(?s).*node-b +last check-in .*, presumed dead.*"), stale.out());
        assertTrue(stale.err().contains("The service node-b last checked in 2 min ago"), stale.err());
        assertFalse(stale.out().contains("store OK"), stale.out());
    }

    @Test
    void checkFindsWhatTheProgramsOwnUserCannotDoAndScriptsThatChanged() throws SQLException {
        String store = CliRun.h2Store(tmp);
        assertEquals(0, CliRun.of("store", "migrate", "--store", store).exitCode());
        owner("ALTER USER BANTIN SET PASSWORD 'not-the-one-in-the-file'");
        CliRun locked = CliRun.of("store", "check", "--store", store);
        assertEquals(1, locked.exitCode(), locked.out() + locked.err());
        assertTrue(locked.err().contains("does not let the program's user BANTIN in"), locked.err());
        assertEquals(0, CliRun.of("store", "migrate", "--store", store).exitCode(), "migrate sets it again");
        assertEquals(0, CliRun.of("store", "check", "--store", store).exitCode());

        owner("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '3'");
        CliRun changed = CliRun.of("store", "check", "--store", store);
        assertEquals(1, changed.exitCode(), changed.out() + changed.err());
        assertTrue(changed.err().contains("was migrated by scripts that differ from this build's (3: "), changed.err());
    }

    @Test
    void checkFindsARunLeftRunningByAProcessThatIsGone() throws SQLException {
        String store = CliRun.h2Store(tmp);
        assertEquals(0, CliRun.of("store", "migrate", "--store", store).exitCode());
        owner("INSERT INTO run (bulletin, period_key, period_start, period_end, status, started_at, owner, heartbeat_at)"
                + " VALUES ('province', '2022-12', DATE '2022-12-01', DATE '2022-12-31', 'running', CURRENT_TIMESTAMP - INTERVAL '2' HOUR,"
                + " '4242@elsewhere@1', CURRENT_TIMESTAMP - INTERVAL '2' HOUR)");
        CliRun check = CliRun.of("store", "check", "--store", store);
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("its process is gone"), check.out());
        assertTrue(check.err().contains("is recorded as running but its process (4242@elsewhere@1) is gone"), check.err());
    }

    @Test
    void checkRefusesAStoreMigratedByANewerVersion() throws SQLException {
        String store = CliRun.h2Store(tmp);
        assertEquals(0, CliRun.of("store", "migrate", "--store", store).exitCode());
        owner("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'from the future', 'SQL',"
                + " 'V99__from_the_future.sql', 1, 'BANTIN_OWNER', 1, TRUE)");
        CliRun check = CliRun.of("store", "check", "--store", store);
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.err().contains("this build does not know (99 (from the future))")
                && check.err().contains("a newer bantin migrated it"), check.err());
        assertFalse(check.out().contains("store OK"), check.out());

        CliRun migrate = CliRun.of("store", "migrate", "--store", store);
        assertEquals(1, migrate.exitCode(), migrate.out() + migrate.err());
        assertTrue(migrate.err().contains("a newer bantin migrated it"), migrate.err());
    }

    @Test
    void checkOfAStoreThatIsNotThereSaysSo() {
        CliRun check = CliRun.of("store", "check", "--store", CliRun.h2Store(tmp));
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.err().contains("There is no store at"), check.err());
        assertFalse(Files.exists(tmp.resolve("var/bantin.mv.db")), "check makes no store");
    }

    @Test
    void copyMovesTheSampleStoreToPostgresqlAndHistoryShowsTheSame() throws IOException, SQLException {
        try (TestPostgres pg = TestPostgres.create()) {
            Path archive = tmp.resolve("pg-archive");
            CliRun copy = CliRun.of("store", "copy", "--store", sampleStore, "--to", pg.url(), "--to-user", TestPostgres.ADMIN,
                    "--to-archive", archive.toString());
            assertEquals(0, copy.exitCode(), copy.out() + copy.err());
            assertTrue(copy.out().matches("(?s).*\\n  delivery +158 +158\\n.*"), copy.out());
            assertTrue(copy.out().matches("(?s).*\\n  qrtz_triggers +1 +1\\n.*"), copy.out());
            Path config = postgresConfig(pg.url(), archive);

            String before = CliRun.of("history", "--store", sampleStore, "--period", "2022").out();
            CliRun after = CliRun.of("history", "--config", config.toString(), "--period", "2022");
            assertEquals(0, after.exitCode(), after.out() + after.err());
            assertTrue(before.contains("158 sent"), before);
            assertEquals(before.replace(where(sampleStore), "STORE").replace(sample.resolve("var/archive").toString(), "ARCHIVE"),
                    after.out().replace(pg.url(), "STORE").replace(archive.toString(), "ARCHIVE"));

            CliRun schedule = CliRun.of("schedule", "--config", config.toString());
            assertEquals(0, schedule.exitCode(), schedule.out() + schedule.err());
            assertTrue(schedule.out().contains("1 waiting in the store:\n  request province 2022-11"), schedule.out());

            CliRun check = CliRun.of("store", "check", "--config", config.toString());
            assertEquals(0, check.exitCode(), check.out() + check.err());
            assertTrue(check.out().contains("store OK"), check.out());

            // The sequences go on after the copied ids: the next run gets a new id and sends nothing twice.
            CliRun again = CliRun.of("run", "--period", "2022", "--config", config.toString(),
                    "--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString());
            assertEquals(0, again.exitCode(), again.out() + again.err());
            assertFalse(folderHasFiles(tmp.resolve("outbox")), "nothing sent again\n" + again.out());
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                 java.sql.ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM run")) {
                r.next();
                assertEquals(r.getLong(1), r.getLong(2));
                assertTrue(r.getLong(1) >= 2, "the copied run and the new one");
            }

            CliRun twice = CliRun.of("store", "copy", "--store", sampleStore, "--to", pg.url(), "--to-user", TestPostgres.ADMIN,
                    "--to-archive", archive.toString());
            assertEquals(1, twice.exitCode(), twice.out() + twice.err());
            assertTrue(twice.err().contains("already holds data (") && twice.err().contains("nothing was written to it"), twice.err());
        }
    }

    @Test
    void checkOfAnUnreachableServerSaysSoAndFails() throws IOException {
        Path config = postgresConfig("jdbc:postgresql://127.0.0.1:1/bantin", tmp.resolve("archive"));
        CliRun check = CliRun.of("store", "check", "--config", config.toString());
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.err().contains("cannot be reached") && check.err().contains("127.0.0.1:1"), check.err());
        assertFalse(check.out().contains("store OK"), check.out());
    }

    /** The repository's config with the store on PostgreSQL as the server's user postgres. */
    private Path postgresConfig(String url, Path archive) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            for (Path f : files.toList()) {
                Files.copy(f, config.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(config.resolve("bantin.properties"), "\nstore.url=" + url + "\nstore.user=" + TestPostgres.ADMIN
                + "\nstore.archive=" + archive + "\n", java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return config;
    }

    private void owner(String sql) throws SQLException {
        try (Connection c = TestStores.asOwner(tmp.resolve("var")); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String where(String url) {
        return vn.bantin.store.Database.where(url);
    }

    private static long archived(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("var/archive"))) {
            return files.count();
        }
    }

    private static boolean folderHasFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
