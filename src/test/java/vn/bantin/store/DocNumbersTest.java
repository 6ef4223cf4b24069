package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running document numbers (V11) in a real store. */
class DocNumbersTest {
    @TempDir
    Path dir;

    @Test
    void eachBulletinTakesTheNextNumberOfItsYearAndKeepsIt() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-15T02:00:00Z"));
        try (Database db = Database.open(TestStores.url(dir))) {
            DocNumbers numbers = new DocNumbers(db.dataSource(), clock);
            assertEquals(1, numbers.take(2026, "2026-03-bc", "province"));
            assertEquals(2, numbers.take(2026, "2026-Q1-bc", "province"));
            assertEquals(1, numbers.take(2026, "2026-03-bc", "province"), "made again, the same number");
            assertEquals(1, numbers.take(2027, "2026-bc", "province"), "a new year starts at 1");
            assertEquals(3, numbers.take(2026, "2026-04-bc", "province"));
        }
        try (Database db = Database.open(TestStores.url(dir))) {
            assertEquals(2, new DocNumbers(db.dataSource(), clock).take(2026, "2026-Q1-bc", "province"),
                    "kept by the store, not by the process");
        }
    }
}
