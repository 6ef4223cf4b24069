package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Figure;
import vn.bantin.indicator.IndicatorRow;
import vn.bantin.indicator.Period;

class SnapshotStoreTest {
    private static final Comparator<SnapshotRow> ORDER = Comparator.comparing(SnapshotRow::indicator)
            .thenComparing(r -> r.scope().id()).thenComparing(SnapshotRow::scopeCode);

    @TempDir
    Path dir;
    private TestStores.Fresh store;
    private Database db;
    private SnapshotStore snapshots;
    private RunStore runs;

    @BeforeEach
    void open() {
        store = TestStores.fresh(dir);
        db = store.open();
        snapshots = new SnapshotStore(db.dataSource());
        runs = new RunStore(db.dataSource(), new SettableClock());
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
    void twoRunsSavingOnePeriodAtOnceBothSucceed() throws Exception {
        List<SnapshotRow> rows = golden("three-level-year");
        long a = runs.start("province", Period.parse("2022"), Map.of(), Map.of());
        long b = runs.start("unit", Period.parse("2022"), Map.of(), Map.of());
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // A trigger and a scheduled batch of the same period: both delete, then both insert.
            for (int round = 0; round < 40; round++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<?>> both = new ArrayList<>();
                for (long run : List.of(a, b)) {
                    both.add(two.submit(() -> {
                        together.await();
                        snapshots.replace(run, "2022", rows);
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : both) {
                    f.get(); // a StoreException (duplicate key) fails the test here
                }
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(sorted(rows), snapshots.read("2022"));
    }

    @Test
    void aPeriodsFiguresComeBackAsSaved() throws IOException {
        List<SnapshotRow> rows = golden("three-level-year");
        long run = runs.start("province", Period.parse("2022"), Map.of(), Map.of());
        snapshots.replace(run, "2022", rows);

        assertEquals(sorted(rows), snapshots.read("2022"));
        assertTrue(rows.stream().anyMatch(r -> r.value() instanceof Figure.NoData), "the case has a figure with no data");
        assertEquals(List.of(), snapshots.read("2021"));
    }

    @Test
    void aReRunReplacesThePeriodAndLeavesOthersAlone() throws IOException {
        long first = runs.start("province", Period.parse("2022"), Map.of(), Map.of());
        snapshots.replace(first, "2022", golden("three-level-year"));
        snapshots.replace(first, "2022-12", golden("month-filter"));

        List<SnapshotRow> again = List.of(new SnapshotRow("pakn.received", IndicatorRow.Scope.PROVINCE, "province", 7L, null,
                Figure.of(7)));
        long second = runs.start("province", Period.parse("2022"), Map.of(), Map.of());
        snapshots.replace(second, "2022", again);

        assertEquals(again, snapshots.read("2022"));
        assertEquals(sorted(golden("month-filter")), snapshots.read("2022-12"));
    }

    @Test
    void aFailedReplaceKeepsTheOldRows() throws IOException {
        long run = runs.start("province", Period.parse("2022"), Map.of(), Map.of());
        List<SnapshotRow> old = golden("three-level-year");
        snapshots.replace(run, "2022", old);
        SnapshotRow twice = new SnapshotRow("pakn.received", IndicatorRow.Scope.PROVINCE, "province", 1L, null, Figure.of(1));

        StoreException e = assertThrows(StoreException.class, () -> snapshots.replace(run, "2022", List.of(twice, twice)));
        assertTrue(e.getMessage().startsWith("The store could not save the figures of 2022: "), e.getMessage());
        assertEquals(sorted(old), snapshots.read("2022"));
    }

    private static List<SnapshotRow> sorted(List<SnapshotRow> rows) {
        return rows.stream().sorted(ORDER).toList();
    }

    /** The expected figures of a golden case, as the run would hand them to the store. */
    private static List<SnapshotRow> golden(String name) throws IOException {
        Path file = Path.of("src/test/resources/cases", name, "expected-indicators.csv");
        List<SnapshotRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            for (CSVRecord rec : p) {
                rows.add(new SnapshotRow(rec.get("indicator"), IndicatorRow.Scope.valueOf(rec.get("scope").toUpperCase(Locale.ROOT)),
                        rec.get("scope_code"), number(rec.get("numerator")), number(rec.get("denominator")),
                        rec.get("value").isEmpty() ? Figure.NO_DATA : Figure.of(Double.parseDouble(rec.get("value")))));
            }
        }
        return rows;
    }

    private static Long number(String s) {
        return s.isEmpty() ? null : Long.parseLong(s);
    }
}
