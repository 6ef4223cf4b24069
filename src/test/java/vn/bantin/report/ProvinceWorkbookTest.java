package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook read back with POI, as Excel or LibreOffice would see its cells. */
class ProvinceWorkbookTest {

    static final Path TEMPLATES = Path.of("templates");
    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 1;

    @TempDir
    static Path out;

    static XSSFWorkbook workbook;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void render() throws IOException {
        Map<String, Object> params = SampleParameters.year2022();
        // One unit without a figure: its rate must read as "no data", not as 0.
        List<Map<String, Object>> units = new ArrayList<>();
        for (Object row : (List<?>) params.get("edocUnits")) {
            units.add(new HashMap<>((Map<String, Object>) row));
        }
        Map<String, Object> withoutFigure = units.stream().filter(u -> u.get("unitName").equals("Thanh tra tỉnh")).findFirst().orElseThrow();
        withoutFigure.put("rate", null);
        withoutFigure.put("rateText", "chưa có số liệu");
        // The optional numeric target missing: the display text stands in.
        units.stream().filter(u -> u.get("unitName").equals("Sở Tư pháp")).findFirst().orElseThrow().remove("target");
        params.put("edocUnits", units);

        Path xlsx = out.resolve("ban-tin-2022-tinh.xlsx");
        new JasperRenderer(TEMPLATES).renderProvinceXlsx(params, Labels.load(TEMPLATES, "vi"), xlsx);
        try (InputStream in = Files.newInputStream(xlsx)) {
            workbook = new XSSFWorkbook(in);
        }
    }

    @Test
    void hasASummarySheetOneSheetPerIndicatorGroupAndTheSubjects() {
        List<String> names = IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
        assertEquals(List.of("Tổng hợp", "Văn bản điện tử", "Dịch vụ công trực tuyến", "Phản ánh kiến nghị", "Lĩnh vực phản ánh"),
                names);
    }

    @Test
    void ratesArePercentCellsAndCountsAreWholeNumbers() {
        Sheet documents = workbook.getSheet("Văn bản điện tử");
        Row building = rowOf(documents, 2, "Sở Xây dựng");
        Cell rate = building.getCell(5);
        assertEquals(CellType.NUMERIC, rate.getCellType());
        assertEquals(2590.0 / 2640, rate.getNumericCellValue(), 1e-9);
        assertTrue(rate.getCellStyle().getDataFormatString().contains("%"), rate.getCellStyle().getDataFormatString());

        Cell incoming = building.getCell(3);
        assertEquals(CellType.NUMERIC, incoming.getCellType());
        assertEquals(2640.0, incoming.getNumericCellValue());
        assertEquals("#,##0", incoming.getCellStyle().getDataFormatString());

        Cell target = building.getCell(6);
        assertEquals(CellType.NUMERIC, target.getCellType());
        assertEquals(0.9, target.getNumericCellValue(), 1e-9);

        Row ninhXa = rowOf(documents, 2, "UBND xã Ninh Xá");
        assertEquals(0.0, ninhXa.getCell(5).getNumericCellValue());
        assertEquals("Chưa đạt", ninhXa.getCell(7).getStringCellValue());
    }

    @Test
    void aMissingFigureReadsAsNoDataNotZero() {
        Cell rate = rowOf(workbook.getSheet("Văn bản điện tử"), 2, "Thanh tra tỉnh").getCell(5);
        assertEquals(CellType.STRING, rate.getCellType());
        assertEquals("chưa có số liệu", rate.getStringCellValue());
    }

    @Test
    void aTargetWithoutItsNumberShowsItsText() {
        Cell target = rowOf(workbook.getSheet("Văn bản điện tử"), 2, "Sở Tư pháp").getCell(6);
        assertEquals(CellType.STRING, target.getCellType());
        assertEquals("90%", target.getStringCellValue());
    }

    @Test
    void summaryKeepsPercentagesAndCountsApart() {
        Sheet summary = workbook.getSheet("Tổng hợp");
        Row provinceLevel = rowOf(summary, 2, "Cấp tỉnh");
        assertEquals(0.9378, provinceLevel.getCell(3).getNumericCellValue(), 1e-9);
        assertTrue(provinceLevel.getCell(3).getCellStyle().getDataFormatString().contains("%"));

        Row received = rowOf(summary, 1, "Số phản ánh kiến nghị tiếp nhận");
        assertEquals(1724.0, received.getCell(3).getNumericCellValue());
        assertEquals("#,##0", received.getCell(3).getCellStyle().getDataFormatString());

        Row satisfaction = rowOf(summary, 1, "Mức độ hài lòng trung bình (điểm/5)");
        assertEquals(3.04, satisfaction.getCell(3).getNumericCellValue(), 1e-9);
        assertEquals("#,##0.00", satisfaction.getCell(3).getCellStyle().getDataFormatString());
    }

    @Test
    void feedbackSheetHasOneRowPerLocality() {
        Sheet feedback = workbook.getSheet("Phản ánh kiến nghị");
        assertEquals(HEADER_ROW + 8, feedback.getLastRowNum());
        Row bacNinh = rowOf(feedback, 0, "thành phố Bắc Ninh");
        assertEquals(921.0, bacNinh.getCell(1).getNumericCellValue());
        assertEquals(850.0 / 921, bacNinh.getCell(3).getNumericCellValue(), 1e-9);
        assertTrue(bacNinh.getCell(3).getCellStyle().getDataFormatString().contains("%"));
        assertEquals(3.01, bacNinh.getCell(4).getNumericCellValue(), 1e-9);
    }

    @Test
    void everySheetHasItsHeaderFrozenAndFiltered() {
        assertAll(sheets().stream().map(sheet -> () -> {
            assertNotNull(sheet.getPaneInformation(), sheet.getSheetName() + ": no pane");
            assertTrue(sheet.getPaneInformation().isFreezePane(), sheet.getSheetName());
            assertEquals(HEADER_ROW + 1, sheet.getPaneInformation().getHorizontalSplitPosition(),
                    sheet.getSheetName() + ": rows above the first data row stay in view");

            assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), sheet.getSheetName() + ": no filter");
            CellRangeAddress filter = CellRangeAddress.valueOf(sheet.getCTWorksheet().getAutoFilter().getRef());
            assertEquals(HEADER_ROW, filter.getFirstRow(), sheet.getSheetName());
            assertEquals(sheet.getLastRowNum(), filter.getLastRow(), sheet.getSheetName() + ": filter covers every row");
            assertEquals(sheet.getRow(HEADER_ROW).getLastCellNum() - 1, filter.getLastColumn(), sheet.getSheetName());
        }));
    }

    @Test
    void columnsAreWideEnoughForTheirLongestValue() {
        Sheet documents = workbook.getSheet("Văn bản điện tử");
        int longest = 0;
        for (int r = HEADER_ROW + 1; r <= documents.getLastRowNum(); r++) {
            longest = Math.max(longest, documents.getRow(r).getCell(2).getStringCellValue().length());
        }
        assertTrue(documents.getColumnWidth(2) >= longest * 256,
                "unit column " + documents.getColumnWidth(2) / 256 + " chars for names of " + longest);
        Sheet summary = workbook.getSheet("Tổng hợp");
        assertTrue(summary.getColumnWidth(1) >= "Tỷ lệ xử lý hồ sơ công việc và ký số văn bản điện tử trung bình".length() * 256);
    }

    @Test
    void titleRowNamesThePeriod() {
        assertEquals("Xử lý văn bản điện tử năm 2022 (số liệu từ ngày 01/01/2022 đến 31/12/2022)",
                workbook.getSheet("Văn bản điện tử").getRow(TITLE_ROW).getCell(0).getStringCellValue());
    }

    private static List<XSSFSheet> sheets() {
        List<XSSFSheet> sheets = new ArrayList<>();
        workbook.sheetIterator().forEachRemaining(s -> sheets.add((XSSFSheet) s));
        return sheets;
    }

    private static Row rowOf(Sheet sheet, int column, String value) {
        for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(column) != null && value.equals(row.getCell(column).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row with '" + value + "' in column " + column + " of " + sheet.getSheetName());
    }
}
