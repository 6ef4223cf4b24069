package vn.bantin.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent recomputation used on the 2026 sample agrees with the golden cases computed by hand, row for row
 * and cell for cell: the hand computation and the test's own reading of the spec check each other.
 */
class Recomputed766Test {
    private static final Path CASES = Path.of("src/test/resources/cases");
    private static final Path HOLIDAYS = Path.of("config/holidays.csv");

    private static List<String> differences(String name, LocalDate p0, LocalDate p1) throws IOException {
        Path dir = CASES.resolve(name);
        return Recomputed766.differences(Recomputed766.of(dir, p0, p1, HOLIDAYS, ""),
                Recomputed766.csv(dir.resolve("expected-indicators.csv")));
    }

    @Test
    void agreesWithTheHandComputedMonth() throws IOException {
        assertEquals(List.of(), differences("d766-month", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void agreesWithTheHandComputedAbsentColumns() throws IOException {
        assertEquals(List.of(), differences("d766-absent-columns", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
    }

    @Test
    void agreesWithTheHandComputedEdges() throws IOException {
        assertEquals(List.of(), differences("d766-edges", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
    }

    /** The check can fail: one point changed, one row missing and one cell emptied are each reported. */
    @Test
    void aChangedMissingOrEmptiedFigureIsReported(@TempDir Path tmp) throws IOException {
        Path dir = CASES.resolve("d766-month");
        String written = Files.readString(dir.resolve("expected-indicators.csv"), StandardCharsets.UTF_8)
                .replace("766.2.1.on_time,unit,X1,UBND xã An Phú,2,4,50,,,10,20", "766.2.1.on_time,unit,X1,UBND xã An Phú,2,4,50,,,10.5000,20")
                .replace("2026-02-01,2026-02-28,766.rank,unit,X2,UBND xã Bình Minh,,3,3,,,,\n", "")
                .replace("766.5.2.digitised,unit,X1,UBND xã An Phú,1,3,33.333333,80,false,", "766.5.2.digitised,unit,X1,UBND xã An Phú,1,3,33.333333,80,,");
        Files.writeString(tmp.resolve("indicators.csv"), written, StandardCharsets.UTF_8);
        List<String> found = Recomputed766.differences(Recomputed766.of(dir, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28),
                HOLIDAYS, ""), Recomputed766.csv(tmp.resolve("indicators.csv")));
        assertEquals(List.of("766.2.1.on_time|unit|X1 points: '10.5000', expected 10.0",
                "766.5.2.digitised|unit|X1 met: '', expected 'false'", "766.rank|unit|X2: expected, not written"), found);
    }
}
