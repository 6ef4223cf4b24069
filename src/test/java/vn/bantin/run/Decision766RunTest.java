package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.delivery.OutboxSender;
import vn.bantin.indicator.Period;
import vn.bantin.store.Database;

/**
 * A real run on exports with the Decision 766 columns: its indicators.csv carries the very 766 rows computed by hand
 * in the golden case d766-month, the run summary counts the official rows of other periods, a calendar without the
 * year warns and changes the feedback deadlines, and unit-changes.csv credits a merged unit with its predecessor.
 */
class Decision766RunTest {
    private static final Path CASE = Path.of("src/test/resources/cases/d766-month");
    private static final Period FEBRUARY = Period.parse("2026-02");

    @TempDir
    Path tmp;

    private RunResult run(String name, String extraConfig, String unitChanges) throws Exception {
        Path data = Files.createDirectories(tmp.resolve(name + "-data"));
        try (var files = Files.list(CASE)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv") && !f.getFileName().toString().startsWith("expected"))
                    .toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        if (unitChanges != null) {
            Files.writeString(data.resolve("unit-changes.csv"), unitChanges, StandardCharsets.UTF_8);
        }
        Path config = Files.createDirectories(tmp.resolve(name + "-config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\n" + vn.bantin.store.TestStores.properties(tmp.resolve(name + "-var")) + "out.dir=" + tmp.resolve(name + "-out")
                + "\noutbox.dir=" + tmp.resolve(name + "-outbox") + "\ndata.dir=" + data + "\npakn.locality-level=commune\n"
                + extraConfig, StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n,Chủ tịch UBND tỉnh,chutich@bacninh.gov.vn,"
                + "province\nX1,Văn thư xã An Phú,vanthu.x1@bacninh.gov.vn,unit\n", StandardCharsets.UTF_8);
        Settings settings = ConfigLoader.load(config);
        Clock clock = Clock.fixed(Instant.parse("2026-03-05T01:00:00Z"), ZoneOffset.UTC);
        try (Database db = Database.open(settings.store())) {
            BulletinRun run = new BulletinRun(settings, new OutboxSender(settings.outboxDir(), settings.mailFrom(), clock), clock,
                    RunListener.QUIET, db.dataSource(), wait -> { });
            return run.run(new RunRequest(FEBRUARY, Set.of(RunRequest.PROVINCE, RunRequest.UNIT), Set.of(), true, "test"));
        }
    }

    private static List<String> rows766(Path indicators) throws Exception {
        return Files.readAllLines(indicators, StandardCharsets.UTF_8).stream().filter(l -> l.contains(",766.")).toList();
    }

    @Test
    void theRunWritesTheHandComputedRowsAndCountsTheOfficialRowsOfOtherPeriods() throws Exception {
        RunResult r = run("plain", "", null);
        assertEquals(rows766(CASE.resolve("expected-indicators.csv")), rows766(r.indicators()));
        String summary = Files.readString(r.summary(), StandardCharsets.UTF_8);
        assertTrue(summary.contains("official-766.csv: 1 dòng thuộc kỳ khác"), summary);
        assertFalse(summary.contains("tệp ngày nghỉ"), summary);
        assertTrue(r.notMade().isEmpty(), String.valueOf(r.notMade()));
    }

    @Test
    void aCalendarWithoutTheYearWarnsAndTetNoLongerMovesTheDeadline() throws Exception {
        Path holidays = tmp.resolve("holidays-2022.csv");
        Files.writeString(holidays, "date,name\n2022-01-01,Tết Dương lịch\n", StandardCharsets.UTF_8);
        RunResult r = run("no2026", "holidays.file=" + holidays + "\n", null);
        String summary = Files.readString(r.summary(), StandardCharsets.UTF_8);
        assertTrue(summary.contains("không có ngày nào của năm 2026"), summary);
        // f1 (received 02/02, no deadline) is due 23/02 without Tết, and was processed 25/02: late.
        assertTrue(rows766(r.indicators()).contains(
                "2026-02-01,2026-02-28,766.6.2.pakn_on_time,unit,X1,UBND xã An Phú,0,2,0,,,0,6"), String.join("\n", rows766(r.indicators())));
    }

    @Test
    void aMergedUnitCountsItsPredecessorsRecords() throws Exception {
        RunResult r = run("merged", "", "old_code,new_code,effective_date\nX2,X1,01/01/2026\n");
        List<String> rows = rows766(r.indicators());
        // X1 2/4 on time, with X2's e1 and e2 (on time; e3 has no due date): 4/6.
        assertTrue(rows.contains("2026-02-01,2026-02-28,766.2.1.on_time,unit,X1,UBND xã An Phú,4,6,66.666667,,,13.333333,20"),
                String.join("\n", rows));
        assertTrue(rows.contains("2026-02-01,2026-02-28,766.2.1.on_time,unit,X2,UBND xã Bình Minh,0,0,,,,,"));
        assertNotNull(r.indicators());
    }
}
