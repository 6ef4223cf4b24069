package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Period;

/** A copy that fails leaves the target empty; a large one says how far it is; ids go on after the copied ones. */
class StoreCopyTest {
    private static final int SNAPSHOTS = 25_000;

    @TempDir
    Path tmp;

    @Test
    void aFailureHalfWayLeavesNothingInTheTargetAndALaterCopySucceeds() throws SQLException {
        Path source = tmp.resolve("source");
        Path target = tmp.resolve("target");
        long runId = storeWithSnapshots(source);
        try (Database db = Database.open(TestStores.url(target))) {
            // a rule of the target's that the source's last rows break, as a type or a constraint that differs would
            try (Connection c = TestStores.asOwner(target); Statement s = c.createStatement()) {
                s.executeUpdate("ALTER TABLE indicator_snapshot ADD CONSTRAINT not_the_last CHECK (scope_code <> 'unit-" + (SNAPSHOTS - 1) + "')");
            }
        }
        StoreException failed = assertThrows(StoreException.class, () -> copy(source, target, new ArrayList<>()));
        assertTrue(failed.getMessage().contains("failed and was undone, so the target holds nothing of it"), failed.getMessage());
        try (Connection c = TestStores.asOwner(target); Statement s = c.createStatement()) {
            for (String table : List.of("run", "delivery", "indicator_snapshot", "QRTZ_LOCKS")) {
                assertEquals(0, count(s, table), table + " is empty after the failed copy");
            }
            s.executeUpdate("ALTER TABLE indicator_snapshot DROP CONSTRAINT not_the_last");
        }

        List<String> progress = new ArrayList<>();
        StoreCopy.Copied copied = copy(source, target, progress);
        assertEquals(List.of("indicator_snapshot 10000/25000", "indicator_snapshot 20000/25000"), progress);
        assertTrue(copied.tables().contains(new StoreCopy.Table("indicator_snapshot", SNAPSHOTS, SNAPSHOTS)), copied.toString());
        assertTrue(copied.tables().contains(new StoreCopy.Table("run", 1, 1)), copied.toString());

        // the next run of the target is given an id after the copied one
        try (Database db = Database.open(TestStores.url(target))) {
            long next = new RunStore(db.dataSource(), Clock.systemUTC()).start("province", Period.parse("2022-11"), Map.of(), Map.of());
            assertTrue(next > runId, next + " after " + runId);
        }
    }

    @Test
    void aServerStoreThatAServeStillUsesIsNotCopied() throws SQLException {
        try (TestPostgres pg = TestPostgres.create()) {
            Database.open(pg.address()).close();
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO qrtz_scheduler_state VALUES ('bantin', 'node-a', " + System.currentTimeMillis() + ", 15000)");
            }
            StoreAddress target = StoreAddress.of(TestStores.url(tmp.resolve("target")));
            StoreException refused = assertThrows(StoreException.class, () -> StoreCopy.copy(pg.address(), target, (t, d, n) -> { }));
            assertTrue(refused.getMessage().contains("is in use by serve (node-a checked in lately)"), refused.getMessage());
            assertTrue(!java.nio.file.Files.exists(tmp.resolve("target")), "nothing made");

            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE qrtz_scheduler_state SET last_checkin_time = " + (System.currentTimeMillis() - 600_000));
            }
            StoreCopy.Copied copied = StoreCopy.copy(pg.address(), target, (t, d, n) -> { });
            assertTrue(copied.tables().contains(new StoreCopy.Table("qrtz_scheduler_state", 1, 1)), copied.toString());
        }
    }

    private static StoreCopy.Copied copy(Path source, Path target, List<String> progress) {
        return StoreCopy.copy(StoreAddress.of(TestStores.url(source)), StoreAddress.of(TestStores.url(target)),
                (table, done, total) -> progress.add(table + " " + done + "/" + total));
    }

    /** A store with one run and {@link #SNAPSHOTS} snapshot rows; returns the run's id. */
    private static long storeWithSnapshots(Path dir) throws SQLException {
        long runId;
        try (Database db = Database.open(TestStores.url(dir))) {
            runId = new RunStore(db.dataSource(), Clock.systemUTC()).start("province", Period.parse("2022-12"), Map.of(), Map.of());
            try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(
                    "INSERT INTO indicator_snapshot (run_id, period_key, indicator, scope, scope_code, numerator, denominator, figure)"
                            + " VALUES (?, '2022-12', 'edoc.rate', 'unit', ?, 1, 2, 0.5)")) {
                for (int i = 0; i < SNAPSHOTS; i++) {
                    p.setLong(1, runId);
                    p.setString(2, "unit-" + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        return runId;
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
