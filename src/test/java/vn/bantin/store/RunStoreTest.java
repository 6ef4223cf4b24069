package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    private Database db;
    private final SettableClock clock = new SettableClock(Instant.parse("2023-01-05T01:00:00Z"));
    private RunStore runs;

    @BeforeEach
    void open() {
        db = Database.open(TestStores.url(dir));
        runs = new RunStore(db.dataSource(), clock);
    }

    @AfterEach
    void close() {
        db.close();
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
