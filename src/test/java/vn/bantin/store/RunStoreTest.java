package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Period;

class RunStoreTest {
    @TempDir
    Path dir;
    private TestStores.Fresh store;
    private Database db;
    private final SettableClock clock = new SettableClock(Instant.parse("2023-01-05T01:00:00Z"));
    private RunStore runs;

    @BeforeEach
    void open() {
        store = TestStores.fresh(dir);
        db = store.open();
        runs = new RunStore(db.dataSource(), clock);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aRunIsRecordedFromStartToFinish() {
        Map<String, String> templates = Map.of("province.jrxml", "sha256:aa11", "workbook/01-units.jrxml", "sha256:bb22");
        Map<String, String> inputs = Map.of("documents.csv", "sha256:cc33", "units.csv", "sha256:dd44");
        long id = runs.start("province", Period.parse("2022-Q4"), templates, inputs);

        RunRow started = runs.find(id).orElseThrow();
        assertEquals(RunStatus.RUNNING, started.status());
        assertEquals("2022-Q4", started.periodKey());
        assertEquals(LocalDate.of(2022, 10, 1), started.periodStart());
        assertEquals(LocalDate.of(2022, 12, 31), started.periodEnd());
        assertEquals(clock.instant(), started.startedAt());
        assertNull(started.finishedAt());
        assertEquals(templates, started.templateHashes());
        assertEquals(inputs, started.inputChecksums());

        clock.advance(Duration.ofSeconds(42));
        runs.finish(id, "3 messages sent");
        RunRow done = runs.find(id).orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, done.status());
        assertEquals(Instant.parse("2023-01-05T01:00:42Z"), done.finishedAt());
        assertEquals("3 messages sent", done.message());
    }

    @Test
    void aFailureKeepsItsSentenceAndRecentListsNewestFirst() {
        long first = runs.start("province", Period.parse("2022-11"), Map.of(), Map.of());
        runs.finish(first, null);
        clock.advance(Duration.ofDays(31));
        long second = runs.start("province", Period.parse("2022-12"), Map.of(), Map.of());
        runs.fail(second, "dossiers.csv: column received_date is missing; the header must name it.");
        clock.advance(Duration.ofMinutes(1));
        long third = runs.start("unit", Period.parse("2022-12"), Map.of(), Map.of());

        List<RunRow> recent = runs.recent(2);
        assertEquals(List.of(third, second), recent.stream().map(RunRow::id).toList());
        assertEquals(RunStatus.FAILED, recent.get(1).status());
        assertEquals("dossiers.csv: column received_date is missing; the header must name it.", recent.get(1).message());
        assertEquals(3, runs.recent(10).size());
    }

    @Test
    void theBatchesOfOneRequestAreOneRequestWithTheirTotalsAndWorstStatus() {
        Period december = Period.parse("2022-12");
        long cli = runs.begin("province+unit", december, null, "cli");
        runs.end(cli, RunStatus.SUCCEEDED, new RunTotals(155, 158, 0, 0), "158 sent");
        clock.advance(Duration.ofMinutes(1));
        long province = runs.begin("province", december, "request-1", "requested by nam");
        runs.end(province, RunStatus.SUCCEEDED, new RunTotals(1, 4, 0, 0), "4 sent");
        long unit1 = runs.begin("unit", december, "request-1", "requested by nam");
        runs.end(unit1, RunStatus.SUCCEEDED, new RunTotals(50, 49, 1, 0), "49 sent");
        long unit2 = runs.begin("unit", december, "request-1", "requested by nam");
        runs.end(unit2, RunStatus.INCOMPLETE, new RunTotals(50, 48, 0, 2), "48 sent, 2 not delivered");

        List<RequestRow> requests = runs.recentRequests(10);
        assertEquals(2, requests.size(), requests.toString());
        RequestRow trigger = requests.get(0);
        assertEquals(List.of(province, unit1, unit2), trigger.runs().stream().map(RunRow::id).toList());
        assertEquals(java.util.Set.of("province", "unit"), trigger.bulletins());
        assertEquals(new RunTotals(101, 101, 1, 2), trigger.totals());
        assertEquals(RunStatus.INCOMPLETE, trigger.status(), "a request with a message not delivered never succeeded");
        assertEquals("requested by nam", trigger.cause());
        assertEquals(List.of(cli), requests.get(1).runs().stream().map(RunRow::id).toList());
        assertEquals(1, runs.recentRequests(1).size());
    }

    @Test
    void aRunLeftRunningByADeadProcessIsMarkedAbandonedAndItsClaimReleased() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        ProcessOwner self = ProcessOwner.current();
        long dead = runs.begin("unit", Period.parse("2022-12"), null, "cli");
        long alive = runs.begin("province", Period.parse("2022-12"), null, "cli");
        try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE run SET owner = '" + new ProcessOwner(gone.pid(), self.host(), self.startMillis()).text()
                    + "' WHERE id = " + dead);
        }
        DeliveryLedger ledger = new DeliveryLedger(db.dataSource(), clock);
        DeliveryKey inFlight = new DeliveryKey("unit", "2022-12", "vanthu.sxd@bacninh.gov.vn");
        assertEquals(Claim.Send.class, ledger.claim(inFlight, "SXD", dead).getClass());
        assertEquals(Claim.Busy.class, ledger.claim(inFlight, "SXD", alive).getClass(), "held, within its lease");

        assertEquals(1, runs.markAbandoned());

        RunRow abandoned = runs.find(dead).orElseThrow();
        assertEquals(RunStatus.ABANDONED, abandoned.status());
        assertTrue(abandoned.message().contains(Long.toString(gone.pid())), abandoned.message());
        assertEquals(RunStatus.RUNNING, runs.find(alive).orElseThrow().status(), "this process is alive");
        Claim again = ledger.claim(inFlight, "SXD", alive);
        assertEquals(Claim.Send.class, again.getClass(), "the dead process's claim need not wait out the lease");
        assertEquals(0, runs.markAbandoned(), "marked once");
    }

    @Test
    void aDeadProcessKilledPastTheFinalDotLeavesItsMessageForItsOneRetryNotForTheLease() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        ProcessOwner self = ProcessOwner.current();
        long dead = runs.begin("unit", Period.parse("2022-12"), null, "cli");
        long alive = runs.begin("unit", Period.parse("2022-12"), null, "cli");
        try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE run SET owner = '" + new ProcessOwner(gone.pid(), self.host(), self.startMillis()).text()
                    + "' WHERE id = " + dead);
        }
        DeliveryLedger ledger = new DeliveryLedger(db.dataSource(), clock);
        DeliveryKey inFlight = new DeliveryKey("unit", "2022-12", "vanthu.sxd@bacninh.gov.vn");
        Claim.Send first = (Claim.Send) ledger.claim(inFlight, "SXD", dead);
        ledger.markDataEnd(first); // the final dot went out; then kill -9
        assertEquals(Claim.Busy.class, ledger.claim(inFlight, "SXD", alive).getClass(), "held, within its lease");

        assertEquals(1, runs.markAbandoned());

        Claim again = ledger.claim(inFlight, "SXD", alive);
        assertEquals(Claim.Send.class, again.getClass(), "the dead process's claim need not wait out the lease");
        assertTrue(((Claim.Send) again).retryOfUncertain(), "the server may have the first copy: this is its one retry");
        assertEquals(first.generation(), ((Claim.Send) again).generation(), "under the same Message-ID");
    }

    @Test
    void aBatchCutOffByAKillAndRunAgainAfterTheRestartIsDecidedByItsLaterRun() {
        Period december = Period.parse("2022-12");
        long killed = runs.begin("unit", december, "request-2", "requested by nam");
        try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE run SET status = 'abandoned' WHERE id = " + killed);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(RunStatus.ABANDONED, runs.recentRequests(1).get(0).status(), "nothing ran it again yet");
        clock.advance(Duration.ofMinutes(1));
        long again = runs.begin("unit", december, "request-2", "requested by nam, re-run after an interrupted run");
        assertEquals(RunStatus.RUNNING, runs.recentRequests(1).get(0).status());
        runs.end(again, RunStatus.SUCCEEDED, new RunTotals(50, 30, 20, 0), "30 sent, 20 sent before");
        RequestRow request = runs.recentRequests(1).get(0);
        assertEquals(RunStatus.SUCCEEDED, request.status());
        assertEquals(new RunTotals(50, 30, 20, 0), request.totals());
        assertEquals("requested by nam", request.cause());
    }

    @Test
    void aStoreFailureKeepsItsRootCause() {
        java.sql.SQLException closed = new java.sql.SQLException("The database has been closed [90098-224]",
                "90098", 90098, new java.io.IOException("No space left on device"));
        assertEquals("The database has been closed (because: No space left on device)", Database.reason(closed));
        assertEquals("Table not found", Database.reason(new java.sql.SQLException("Table not found")));
    }

    @Test
    void endingAnUnknownRunIsAnError() {
        StoreException e = assertThrows(StoreException.class, () -> runs.finish(999, "x"));
        assertEquals("The store has no run 999 to record the end of.", e.getMessage());
    }

    @Test
    void checksumsThatCannotBeStoredAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> runs.start("province", Period.parse("2022"), Map.of("a\nb", "x"), Map.of()));
    }
}
