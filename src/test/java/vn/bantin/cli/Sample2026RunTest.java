package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Recomputed766;

/**
 * The README's 2026 command on the bundled 2026 sample (the two-level Bắc Ninh, Decision 766 columns): every 766 row
 * of indicators.csv is recomputed from the sample's CSV files with the spec's formulas (indicators-766 §4–§9) by
 * {@link Recomputed766}, independently of the engine; the province bulletin carries the official total and group scores the
 * Vietnamese way and the top three units of each level by name.
 */
class Sample2026RunTest {
    private static final Path DATA = Path.of("data/sample/2026");
    private static final LocalDate P0 = LocalDate.of(2026, 1, 1);
    private static final LocalDate P1 = LocalDate.of(2026, 3, 31);

    @TempDir
    static Path tmp;
    static CliRun run;
    static Path folder;
    static String pdfText;
    /** indicator id → scope code → row. */
    static Map<String, Map<String, CSVRecord>> indicators = new HashMap<>();

    @BeforeAll
    static void runTheSample() throws IOException {
        run = CliRun.of("run", "--period", "2026-Q1", "--bulletin", "province", "--data", DATA.toString(), "--config",
                "config/2026", "--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString(),
                "--store", CliRun.store(tmp));
        folder = tmp.resolve("out/2026-Q1");
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("tinh/ban-tin-2026-Q1-tinh.pdf").toFile())) {
            pdfText = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        for (CSVRecord r : csv(folder.resolve("indicators.csv"))) {
            String scope = r.get("scope").equals("unit") ? r.get("scope_code") : r.get("scope") + ":" + r.get("scope_code");
            indicators.computeIfAbsent(r.get("indicator"), k -> new HashMap<>()).put(scope, r);
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    @Test
    void every766FigureEqualsTheSpecsFormulaFromTheSampleFiles() throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Recomputed766.Row> expected = Recomputed766.of(DATA, P0, P1, Path.of("config/holidays.csv"), "BNI");
        List<CSVRecord> written = csv(folder.resolve("indicators.csv"));
        List<String> wrong = Recomputed766.differences(expected, written);
        assertTrue(wrong.isEmpty(), wrong.size() + " differ, e.g. " + wrong.subList(0, Math.min(10, wrong.size())));
        // every item of spec §5 (19 ids with 2.2), 5 groups, total and rank, for 113 units, 2 levels and the province
        long items = expected.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).filter(k -> !k.startsWith("766.official")
                && !k.startsWith("766.diff")).distinct().count();
        assertEquals(18 + 1 + 5 + 1 + 1, items);
        assertTrue(expected.size() > 25 * 113, "checked " + expected.size());
        assertTrue(expected.keySet().stream().filter(k -> k.startsWith("766.diff.")).count() > 100, "differences checked");
        // 3.1 is written under both ids (spec §5, group 3)
        for (CSVRecord r : written) {
            if (r.get("indicator").equals("dvc.online_service_share")) {
                CSVRecord same = indicators.get("766.3.1.online_services").get(r.get("scope").equals("unit")
                        ? r.get("scope_code") : r.get("scope") + ":" + r.get("scope_code"));
                assertEquals(r.get("numerator") + "/" + r.get("denominator"), same.get("numerator") + "/" + same.get("denominator"));
            }
        }
    }

    /** Every unit's local total is shown with the band that spec §6 gives its displayed value (bounds 90/80/70/50). */
    @Test
    void everyUnitsTotalIsShownWithItsBand() throws IOException {
        Map<String, Recomputed766.Row> expected = Recomputed766.of(DATA, P0, P1, Path.of("config/holidays.csv"), "BNI");
        int shown = 0;
        for (Map.Entry<String, Recomputed766.Row> e : expected.entrySet()) {
            if (e.getKey().startsWith("766.total|unit|") && e.getValue().value() != null) {
                java.math.BigDecimal total = java.math.BigDecimal.valueOf(e.getValue().value()).setScale(2, java.math.RoundingMode.HALF_UP);
                double v = total.doubleValue();
                String band = v >= 90 ? "Xuất sắc" : v >= 80 ? "Tốt" : v >= 70 ? "Khá" : v >= 50 ? "Trung bình" : "Yếu";
                String cell = total.toPlainString().replace('.', ',') + " " + band;
                assertTrue(pdfText.contains(cell), e.getKey() + ": " + cell);
                shown++;
            }
        }
        assertEquals(113, shown);
    }

    @Test
    void theBulletinCarriesTheOfficialTotalAndGroupsTheVietnameseWay() throws IOException {
        int found = 0;
        for (CSVRecord r : csv(DATA.resolve("official-766.csv"))) {
            if (!r.get("unit").isEmpty()) {
                continue;
            }
            String max = Map.of("cong_khai", "18", "tien_do", "20", "dvc_truc_tuyen", "12", "thanh_toan", "10", "so_hoa",
                    "22", "hai_long", "18", "tong", "100").get(r.get("group"));
            String shown = String.format(Locale.ROOT, "%.2f", Double.parseDouble(r.get("score"))).replace('.', ',') + "/" + max;
            assertTrue(pdfText.contains(shown), r.get("group") + " " + shown);
            found++;
        }
        assertEquals(7, found);
        assertTrue(pdfText.contains("Quyết định số 766/QĐ-TTg"), "the 766 heading");
        assertTrue(!pdfText.contains("cấp huyện"), "no district sentence in the two-level shape");
        assertTrue(pdfText.contains("một phần, toàn trình"), "Decree 42 wording");
    }

    @Test
    void theBulletinNamesTheTopThreeUnitsOfEachLevel() {
        List<String> top = new ArrayList<>();
        indicators.get("766.rank").values().stream()
                .filter(r -> !r.get("value").isEmpty() && Double.parseDouble(r.get("value")) <= 3)
                .forEach(r -> top.add(r.get("scope_name")));
        assertTrue(top.size() >= 6, top.toString());
        for (String name : top) {
            assertTrue(pdfText.contains(name), name);
        }
        assertTrue(pdfText.contains(top.get(0)));
    }

    /** The workbook's 766 sheet read back with POI: one row per unit, its figures those of indicators.csv. */
    @Test
    void theWorkbooksDecision766SheetHoldsEveryUnitsFiguresAsNumbers() throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve("tinh/ban-tin-2026-Q1-tinh.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("766");
            assertTrue(sheet != null, "no sheet 766");
            assertTrue(sheet.getPaneInformation() != null && sheet.getPaneInformation().isFreezePane(), "header not frozen");
            Map<String, Integer> col = new HashMap<>();
            for (Cell c : sheet.getRow(1)) {
                col.put(c.getStringCellValue(), c.getColumnIndex());
            }
            int code = col.get("Mã đơn vị"), onTime = col.get("2.1 Hồ sơ xử lý trước hạn, đúng hạn (%)");
            int onTimePoints = col.get("2.1 – điểm"), meanDays = col.get("2.2 Thời gian giải quyết trung bình (ngày làm việc)");
            int services = col.get("3.1 TTHC cung cấp DVCTT một phần, toàn trình (%)");
            int payment = col.get("4.3 Hồ sơ thanh toán trực tuyến (%)"), total = col.get("Tổng điểm quy đổi (thang 100)");
            int rank = col.get("Hạng"), official = col.get("Điểm chính thức: Tổng điểm"), delta = col.get("Chênh lệch: Tổng điểm");
            Map<String, Row> rows = new HashMap<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                rows.put(new DataFormatter().formatCellValue(row.getCell(code)), row);
            }
            int units = 0, noCase = 0;
            for (CSVRecord total766 : indicators.get("766.total").values()) {
                if (!total766.get("scope").equals("unit")) {
                    continue;
                }
                String unit = total766.get("scope_code");
                Row row = rows.get(unit);
                assertTrue(row != null, "no row for " + unit);
                assertShare(indicators.get("766.2.1.on_time").get(unit), "value", row.getCell(onTime), unit + " 2.1");
                assertShare(indicators.get("766.4.3.paid_online_dossiers").get(unit), "value", row.getCell(payment), unit + " 4.3");
                CSVRecord offered = indicators.get("766.3.1.online_services").get(unit);
                if (offered.get("value").isEmpty()) { // the centre and the commune without a catalogue entry
                    assertEquals("không phát sinh", row.getCell(services).getStringCellValue(), unit + " 3.1: never 0");
                    noCase++;
                } else {
                    assertShare(offered, "value", row.getCell(services), unit + " 3.1");
                }
                assertNumber(indicators.get("766.2.1.on_time").get(unit).get("points"), 1, row.getCell(onTimePoints), unit);
                assertNumber(indicators.get("766.2.2.mean_days").get(unit).get("value"), 1, row.getCell(meanDays), unit);
                assertShare(total766, "value", row.getCell(total), unit + " total");
                assertNumber(indicators.get("766.rank").get(unit).get("value"), 1, row.getCell(rank), unit + " rank");
                CSVRecord o = indicators.getOrDefault("766.official.tong", Map.of()).get(unit);
                if (o != null) {
                    assertNumber(o.get("value"), 1, row.getCell(official), unit + " official");
                    assertNumber(indicators.get("766.diff.tong").get(unit).get("value"), 1, row.getCell(delta), unit + " Δ");
                }
                units++;
            }
            assertEquals(units, rows.size() - 1, "one row per unit, and the province");
            assertTrue(units > 100, "units " + units);
            Row province = sheet.getRow(2);
            assertEquals("Toàn tỉnh", province.getCell(col.get("Cơ quan, đơn vị")).getStringCellValue());
            assertNumber(indicators.get("766.official.tong").get("province:province").get("value"), 1,
                    province.getCell(official), "the province's official total");
            assertEquals(2, noCase, "the units without a procedure show 'không phát sinh'");
        }
    }

    private static void assertShare(CSVRecord row, String column, Cell cell, String what) {
        assertNumber(row.get(column), 100, cell, what);
        assertTrue(cell.getCellStyle().getDataFormatString().contains("%"), what + " is a percent cell");
    }

    /** A numeric cell holding {@code expected} ÷ {@code scale} (indicators.csv keeps 4 decimals). */
    private static void assertNumber(String expected, double scale, Cell cell, String what) {
        assertEquals(CellType.NUMERIC, cell.getCellType(), what + ": " + cell);
        assertEquals(Double.parseDouble(expected) / scale, cell.getNumericCellValue(), 1e-4 / scale + 1e-9, what);
    }
}
