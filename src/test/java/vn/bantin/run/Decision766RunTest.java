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
        return run(name, extraConfig, unitChanges, "");
    }

    /** {@code officialRows}: lines appended to the case's official-766.csv. */
    private RunResult run(String name, String extraConfig, String unitChanges, String officialRows) throws Exception {
        return run(name, extraConfig, unitChanges, officialRows, FEBRUARY, Set.of(RunRequest.PROVINCE, RunRequest.UNIT),
                text -> text);
    }

    /** {@code procedures}: what becomes of the case's procedures.csv. */
    private RunResult run(String name, String extraConfig, String unitChanges, String officialRows, Period period,
                          Set<String> bulletins, java.util.function.UnaryOperator<String> procedures) throws Exception {
        Path data = Files.createDirectories(tmp.resolve(name + "-data"));
        try (var files = Files.list(CASE)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv") && !f.getFileName().toString().startsWith("expected"))
                    .toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        Files.writeString(data.resolve("official-766.csv"), officialRows, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Path catalogue = data.resolve("procedures.csv");
        Files.writeString(catalogue, procedures.apply(Files.readString(catalogue, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
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
            return run.run(new RunRequest(period, bulletins, Set.of(), true, "test"));
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
        assertTrue(summary.contains("official-766.csv: 10 dòng đọc, 9 dòng dùng cho kỳ này, 0 dòng bị loại"), summary);
        assertFalse(summary.contains("tệp ngày nghỉ"), summary);
        assertTrue(r.notMade().isEmpty(), String.valueOf(r.notMade()));
    }

    @Test
    void rejectedOfficialRowsAreCountedInTheRunSummaryAndListedInRejects() throws Exception {
        RunResult r = run("badOfficial", "", null, "2026-02-01,2026-02-28,X9,tien_do,10,,\n"
                + "2026-02-01,2026-02-28,X1,so_hoa,25,22,\n2026-02-01,2026-02-28,X1,hai_long,abc,,\n");
        String summary = Files.readString(r.summary(), StandardCharsets.UTF_8);
        assertTrue(summary.contains("official-766.csv: 13 dòng đọc, 9 dòng dùng cho kỳ này, 3 dòng bị loại (xem rejects.csv)"),
                summary);
        String rejects = Files.readString(r.rejects(), StandardCharsets.UTF_8);
        assertEquals(3, rejects.lines().filter(l -> l.startsWith("official-766.csv,")).count(), rejects);
    }

    private static String provincePdfText(RunResult r) throws Exception {
        Path pdf = r.bulletins().stream().filter(p -> p.toString().endsWith("-tinh.pdf")).findFirst().orElseThrow();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theWordingOfOnlineServicesFollowsTheCataloguesLevels() throws Exception {
        // The case's catalogue names its levels as Decree 42 does (full, partial, none): the new words.
        String decree42 = provincePdfText(run("decree42", "", null, "", FEBRUARY, Set.of(RunRequest.PROVINCE), t -> t));
        assertTrue(decree42.contains("một phần, toàn trình"), decree42);
        assertFalse(decree42.contains("mức độ 3, 4"), decree42);
        // The same catalogue written with the levels 1-4 of before 15/8/2022, and still the 766 columns: the old words.
        String numbered = provincePdfText(run("numbered", "", null, "", FEBRUARY, Set.of(RunRequest.PROVINCE),
                t -> t.replace(",full,", ",4,").replace(",partial,", ",3,").replace(",none,", ",1,")));
        assertTrue(numbered.contains("mức độ 3, 4"), numbered);
        assertTrue(numbered.contains("Quyết định số 766/QĐ-TTg"), "the 766 section still prints");
    }

    @Test
    void theChangeSinceThePreviousPeriodComesFromTheRunThatMadeIt() throws Exception {
        String store = vn.bantin.store.TestStores.properties(tmp.resolve("shared-var"));
        RunResult january = run("january", store, null, "", Period.parse("2026-01"), Set.of(RunRequest.PROVINCE), t -> t);
        // A province bulletin reads only its own period: January's totals come from the snapshots January's run kept.
        RunResult february = run("february", store, null, "", FEBRUARY, Set.of(RunRequest.PROVINCE), t -> t);
        java.util.Map<String, Double> before = totals(january), now = totals(february);
        Path xlsx = february.bulletins().stream().filter(p -> p.toString().endsWith("-tinh.xlsx")).findFirst().orElseThrow();
        int changed = 0, none = 0;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            var sheet = wb.getSheet("766");
            int code = -1, change = -1;
            for (var c : sheet.getRow(1)) {
                code = c.getStringCellValue().equals("Mã đơn vị") ? c.getColumnIndex() : code;
                change = c.getStringCellValue().startsWith("So với kỳ trước") ? c.getColumnIndex() : change;
            }
            for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                var row = sheet.getRow(i);
                String unit = row.getCell(code).getStringCellValue();
                var cell = row.getCell(change);
                if (before.containsKey(unit) && now.containsKey(unit)) {
                    assertEquals(now.get(unit) - before.get(unit), cell.getNumericCellValue(), 1e-4, unit);
                    changed++;
                } else {
                    assertTrue(cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.NUMERIC,
                            unit + ": none, never 0");
                    none++;
                }
            }
        }
        assertTrue(changed > 0, "no unit with a change");
        assertTrue(changed + none == 4, changed + " + " + none);
    }

    /** Unit code → 766.total value, from a run's indicators.csv (units with a total only). */
    private static java.util.Map<String, Double> totals(RunResult r) throws Exception {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        for (String line : Files.readAllLines(r.indicators(), StandardCharsets.UTF_8)) {
            String[] c = line.split(",", -1);
            if (c.length > 8 && c[2].equals("766.total") && c[3].equals("unit") && !c[8].isEmpty()) {
                out.put(c[4], Double.parseDouble(c[8]));
            }
        }
        return out;
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
        // X1's bulletin names the unit it was made from by its name in units.csv, not by its code.
        Path pdf = r.bulletins().stream().filter(p -> p.toString().endsWith(".pdf") && !p.toString().endsWith("-tinh.pdf"))
                .findFirst().orElseThrow();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("gộp từ: UBND xã Bình Minh."), text);
        }
        assertNotNull(r.indicators());
    }
}
