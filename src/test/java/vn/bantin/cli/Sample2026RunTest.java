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
import java.util.LinkedHashMap;
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

/**
 * The README's 2026 command on the bundled 2026 sample (the two-level Bắc Ninh, Decision 766 columns): the dossier
 * items of indicators.csv are recomputed here from the sample's CSV files with the spec's formulas (indicators-766
 * §4–§6), independently of the engine; the province bulletin carries the official total and group scores the
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

    /** An item's counts per scope ("province:province" and every unit code). */
    private static final class Counts {
        final Map<String, long[]> scopes = new LinkedHashMap<>();

        void add(String unit, boolean inDenominator, boolean inNumerator) {
            for (String scope : List.of(unit, "province:province")) {
                long[] c = scopes.computeIfAbsent(scope, k -> new long[2]);
                if (inDenominator) {
                    c[1]++;
                    c[0] += inNumerator ? 1 : 0;
                }
            }
        }
    }

    private static boolean bool(String cell) {
        return cell.equals("1") || cell.equalsIgnoreCase("true");
    }

    /** fee_due: a yes/no word or an amount, true when any digit 1–9 appears. */
    private static boolean fee(String cell) {
        return bool(cell) || cell.matches(".*[1-9].*");
    }

    @Test
    void everyDossierItemEqualsTheSpecsFormulaFromTheSampleFiles() throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Counts> items = new LinkedHashMap<>();
        for (String id : List.of("766.1.4.synced_dossiers", "766.2.1.on_time", "766.3.3.online_dossiers",
                "766.4.3.paid_online_dossiers", "766.5.4.reused", "766.5.5.personal_store", "766.5.6.vneid_dossiers")) {
            items.put(id, new Counts());
        }
        for (CSVRecord d : csv(DATA.resolve("dossiers.csv"))) {
            String status = d.get("status");
            if (status.equals("rejected")) {
                continue; // never received: counted nowhere
            }
            String unit = d.get("unit");
            LocalDate received = LocalDate.parse(d.get("received_date"));
            boolean ended = !status.equals("processing");
            LocalDate finished = d.get("finished_date").isEmpty() ? null : LocalDate.parse(d.get("finished_date"));
            LocalDate due = LocalDate.parse(d.get("due_date"));
            // 2.1: handled in the period; evaluated at its end date, or the period's end when still open then
            boolean handled = !received.isAfter(P1) && !(ended && finished.isBefore(P0));
            LocalDate e = ended && !finished.isAfter(P1) ? finished : P1;
            boolean onTime = Integer.parseInt(d.get("supplement_count")) <= 1
                    && !e.minusDays(Integer.parseInt(d.get("paused_days"))).isAfter(due);
            items.get("766.2.1.on_time").add(unit, handled, onTime);
            boolean inPeriod = !received.isBefore(P0) && !received.isAfter(P1);
            items.get("766.1.4.synced_dossiers").add(unit, inPeriod, bool(d.get("synced_national")));
            items.get("766.3.3.online_dossiers").add(unit, inPeriod, d.get("channel").equals("online")
                    && (!bool(d.get("result_required")) || bool(d.get("e_result"))));
            items.get("766.4.3.paid_online_dossiers").add(unit, inPeriod && fee(d.get("fee_due")), bool(d.get("paid_online")));
            items.get("766.5.4.reused").add(unit, inPeriod, bool(d.get("reused")));
            items.get("766.5.5.personal_store").add(unit, inPeriod, bool(d.get("personal_store")));
            items.get("766.5.6.vneid_dossiers").add(unit, inPeriod, bool(d.get("vneid")));
        }
        // P and T of spec §5: null T is linear; P 0 is information only
        Map<String, double[]> rule = Map.of("766.1.4.synced_dossiers", new double[]{0, -1},
                "766.2.1.on_time", new double[]{20, -1}, "766.3.3.online_dossiers", new double[]{0, -1},
                "766.4.3.paid_online_dossiers", new double[]{6, 30}, "766.5.4.reused", new double[]{2, 80},
                "766.5.5.personal_store", new double[]{4, -1}, "766.5.6.vneid_dossiers", new double[]{2, -1});
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Counts> item : items.entrySet()) {
            for (Map.Entry<String, long[]> scope : item.getValue().scopes.entrySet()) {
                CSVRecord row = indicators.get(item.getKey()).get(scope.getKey());
                long num = scope.getValue()[0], den = scope.getValue()[1];
                String what = item.getKey() + " " + scope.getKey();
                if (row == null) {
                    wrong.add(what + ": no row");
                    continue;
                }
                if (Long.parseLong(row.get("numerator")) != num || Long.parseLong(row.get("denominator")) != den) {
                    wrong.add(what + ": " + row.get("numerator") + "/" + row.get("denominator") + ", expected " + num + "/" + den);
                    continue;
                }
                if (den > 0) {
                    double r = 100.0 * num / den;
                    assertEquals(r, Double.parseDouble(row.get("value")), 1e-4, what);
                    double p = rule.get(item.getKey())[0], t = rule.get(item.getKey())[1];
                    if (p > 0) {
                        double points = t < 0 ? r * p / 100 : num * 100 >= t * den ? p : r * p / t;
                        assertEquals(points, Double.parseDouble(row.get("points")), 1e-4, what);
                    }
                } else {
                    assertEquals("", row.get("value"), what + ": no figure when nothing to measure");
                }
                checked++;
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " differ, e.g. " + wrong.subList(0, Math.min(5, wrong.size())));
        assertTrue(checked > 7 * 100, "checked " + checked);
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
