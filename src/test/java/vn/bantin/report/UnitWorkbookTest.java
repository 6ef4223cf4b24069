package vn.bantin.report;

import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit workbook of the Gia Bình district, December 2022 from the sample, read back with POI. */
class UnitWorkbookTest {

    static final Path TEMPLATES = Path.of("templates");
    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 1;
    static final int INDICATOR = 0, VALUE = 1, TARGET = 2, MET = 3, RANK = 4, RANK_OF = 5, PREVIOUS = 6, CHANGE_PREV = 7,
            YEAR_AGO = 8, CHANGE_YEAR = 9;

    @TempDir
    static Path out;

    static XSSFWorkbook workbook;
    static XSSFSheet sheet;

    @BeforeAll
    static void render() throws IOException {
        Map<String, Object> params = SampleIndicators.december("UBND huyện Gia Bình");
        Path xlsx = out.resolve("ban-tin-2022-12-H-GB.xlsx");
        new JasperRenderer(TEMPLATES).renderUnitXlsx(params, Labels.load(TEMPLATES, "vi"), xlsx);
        try (InputStream in = Files.newInputStream(xlsx)) {
            workbook = new XSSFWorkbook(in);
        }
        sheet = workbook.getSheetAt(0);
    }

    @AfterAll
    static void close() throws IOException {
        workbook.close();
    }

    @Test
    void oneSheetNamedFromTheLabels() {
        assertEquals(1, workbook.getNumberOfSheets());
        assertEquals("Đơn vị", sheet.getSheetName());
    }

    @Test
    void titleNamesThePeriodAndTheUnit() {
        assertEquals("Kết quả chuyển đổi số tháng 12/2022 – UBND huyện Gia Bình (số liệu từ ngày 01/12/2022 đến 31/12/2022)",
                sheet.getRow(TITLE_ROW).getCell(0).getStringCellValue());
        Row header = sheet.getRow(HEADER_ROW);
        assertEquals("Kết quả tháng 11/2022", header.getCell(PREVIOUS).getStringCellValue());
        assertEquals("Thay đổi so với tháng 12/2021", header.getCell(CHANGE_YEAR).getStringCellValue());
    }

    @Test
    void oneRowPerIndicatorWithTheFeedbackRowOfALocality() {
        assertEquals(HEADER_ROW + 5, sheet.getLastRowNum());
        assertEquals("Tỷ lệ xử lý phản ánh kiến nghị trên địa bàn", sheet.getRow(HEADER_ROW + 5).getCell(INDICATOR).getStringCellValue());
    }

    @Test
    void sharesArePercentCellsAndChangesArePoints() {
        Row dossiers = rowOf("Tỷ lệ hồ sơ giải quyết trực tuyến");
        Cell value = dossiers.getCell(VALUE);
        assertEquals(CellType.NUMERIC, value.getCellType());
        assertEquals(0.02127659574468085, value.getNumericCellValue(), 1e-12, "2,13% as a fraction, unrounded");
        assertTrue(value.getCellStyle().getDataFormatString().contains("%"), value.getCellStyle().getDataFormatString());
        assertEquals(0.5, dossiers.getCell(TARGET).getNumericCellValue(), 1e-12);
        assertEquals("Chưa đạt", dossiers.getCell(MET).getStringCellValue());
        assertEquals(0.06024096385542169, dossiers.getCell(PREVIOUS).getNumericCellValue(), 1e-12);

        Cell change = dossiers.getCell(CHANGE_PREV);
        assertEquals(CellType.NUMERIC, change.getCellType());
        assertEquals(-3.896436811074084, change.getNumericCellValue(), 1e-12, "percentage points, unrounded");
        // Issue 9.5: a change in points must not read as a percent ("−3.90%"); Excel in Vietnamese shows this
        assertEquals("−3,90 điểm %", new DataFormatter(Locale.forLanguageTag("vi-VN")).formatCellValue(change));
        String points = change.getCellStyle().getDataFormatString();
        DataFormatter vi = new DataFormatter(Locale.forLanguageTag("vi-VN"));
        assertEquals("+1,25 điểm %", vi.formatRawCellContents(1.25, change.getCellStyle().getDataFormat(), points));
        assertEquals("không đổi", vi.formatRawCellContents(0, change.getCellStyle().getDataFormat(), points));
        assertEquals(-0.6, rowOf("Tỷ lệ xử lý hồ sơ công việc và ký số văn bản điện tử").getCell(CHANGE_PREV).getNumericCellValue(), 0.1);
        assertEquals("−0,63 điểm %", new DataFormatter(Locale.forLanguageTag("vi-VN"))
                .formatCellValue(rowOf("Tỷ lệ xử lý hồ sơ công việc và ký số văn bản điện tử").getCell(CHANGE_PREV)));
    }

    @Test
    void rankIsAWholeNumberBesideTheNumberRanked() {
        Row documents = rowOf("Tỷ lệ xử lý hồ sơ công việc và ký số văn bản điện tử");
        assertEquals(CellType.NUMERIC, documents.getCell(RANK).getCellType());
        assertEquals(7.0, documents.getCell(RANK).getNumericCellValue());
        assertEquals(8.0, documents.getCell(RANK_OF).getNumericCellValue());
        assertEquals("#,##0", documents.getCell(RANK).getCellStyle().getDataFormatString());
    }

    @Test
    void noDataReadsAsNoDataNotZero() {
        Row documents = rowOf("Tỷ lệ xử lý hồ sơ công việc và ký số văn bản điện tử");
        assertEquals(CellType.STRING, documents.getCell(YEAR_AGO).getCellType(), "December 2021 has no data");
        assertEquals("chưa có số liệu", documents.getCell(YEAR_AGO).getStringCellValue());
        assertEquals("chưa có số liệu", documents.getCell(CHANGE_YEAR).getStringCellValue());
        Row onTime = rowOf("Tỷ lệ hồ sơ giải quyết đúng hạn");
        Cell target = onTime.getCell(TARGET);
        assertTrue(target == null || target.getCellType() == CellType.BLANK
                || target.getStringCellValue().isEmpty(), "no target set: an empty cell");
    }

    @Test
    void headerIsFrozenAndFiltered() {
        assertNotNull(sheet.getPaneInformation(), "no pane");
        assertTrue(sheet.getPaneInformation().isFreezePane());
        assertEquals(HEADER_ROW + 1, sheet.getPaneInformation().getHorizontalSplitPosition());
        assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), "no filter");
        CellRangeAddress filter = CellRangeAddress.valueOf(sheet.getCTWorksheet().getAutoFilter().getRef());
        assertEquals(HEADER_ROW, filter.getFirstRow());
        assertEquals(sheet.getLastRowNum(), filter.getLastRow(), "filter covers every row");
        assertEquals(INDICATOR, filter.getFirstColumn());
        assertEquals(CHANGE_YEAR, filter.getLastColumn());
    }

    @Test
    void theIndicatorColumnFitsItsLongestName() {
        assertTrue(sheet.getColumnWidth(INDICATOR) >= "Tỷ lệ xử lý hồ sơ công việc và ký số văn bản điện tử".length() * 256,
                "indicator column " + sheet.getColumnWidth(INDICATOR) / 256 + " characters");
    }

    private static Row rowOf(String indicator) {
        for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && indicator.equals(row.getCell(INDICATOR).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + indicator);
    }
}
