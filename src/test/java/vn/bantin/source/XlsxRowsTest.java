package vn.bantin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sheets read as the contract's text, row by row, with messages that say what is wrong with the file. */
class XlsxRowsTest {
    @TempDir
    Path dir;

    private record Line(long line, List<String> cells) {
    }

    private static List<Line> read(Path file, String sheet) {
        List<Line> lines = new ArrayList<>();
        new XlsxRows(file, sheet).forEach((line, cells) -> lines.add(new Line(line, List.copyOf(cells))));
        return lines;
    }

    private Path save(Workbook wb, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    private static CellStyle format(Workbook wb, String pattern) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(pattern));
        return style;
    }

    private static String failure(Path file, String sheet) {
        return assertThrows(SourceException.class, () -> read(file, sheet)).getMessage();
    }

    @Test
    void vietnameseHeaderAndValuesComeBackAsWritten() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("Hồ sơ");
        Row header = s.createRow(0);
        header.createCell(0).setCellValue("Mã đơn vị");
        header.createCell(1).setCellValue("Ngày đến");
        header.createCell(2).setCellValue("Trực tuyến");
        Row row = s.createRow(1);
        row.createCell(0).setCellValue("UBND xã Ninh Xá");
        row.createCell(1).setCellValue("04/03/2022");
        row.createCell(2).setCellValue("Có");

        List<Line> lines = read(save(wb, "dossiers.xlsx"), null);

        assertEquals(List.of(new Line(1, List.of("Mã đơn vị", "Ngày đến", "Trực tuyến")),
                new Line(2, List.of("UBND xã Ninh Xá", "04/03/2022", "Có"))), lines);
    }

    @Test
    void cellsReadAsTheContractsTextWhateverTheLocale() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Row r = wb.createSheet("Data").createRow(0);
        r.createCell(0).setCellValue(1002643);
        r.createCell(1).setCellValue(3.5);
        Cell date = r.createCell(2);
        date.setCellValue(LocalDate.of(2022, 3, 4));
        date.setCellStyle(format(wb, "dd/mm/yyyy"));
        Cell dateTime = r.createCell(3);
        dateTime.setCellValue(LocalDateTime.of(2022, 3, 4, 8, 15));
        dateTime.setCellStyle(format(wb, "dd/mm/yyyy hh:mm"));
        r.createCell(4).setCellValue(true);
        Cell formula = r.createCell(5);
        formula.setCellFormula("A1*2");
        // column G (6) left empty
        r.createCell(7).setCellValue("TRUE");
        r.createCell(8).setCellErrorValue(FormulaError.NA.getCode());
        Cell money = r.createCell(9);
        money.setCellValue(1234567.25);
        money.setCellStyle(format(wb, "#,##0.00"));
        r.createCell(10).setCellValue(0.1 + 0.2);
        Cell seconds = r.createCell(11);
        seconds.setCellValue(LocalDateTime.of(2022, 3, 4, 8, 15, 30));
        seconds.setCellStyle(format(wb, "yyyy-mm-dd hh:mm:ss"));
        Cell text = r.createCell(12);
        text.setCellFormula("\"Ninh \"&\"Xá\"");
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = save(wb, "cells.xlsx");

        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("vi-VN")); // decimal comma, day-first dates
        List<Line> lines;
        try {
            lines = read(file, null);
        } finally {
            Locale.setDefault(before);
        }

        assertEquals(List.of(new Line(1, List.of("1002643", "3.5", "2022-03-04", "2022-03-04T08:15", "true",
                "2005286", "", "TRUE", "", "1234567.25", "0.3", "2022-03-04T08:15:30", "Ninh Xá"))), lines);
    }

    @Test
    void dateFromA1904WorkbookIsTheSameDay() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
        Cell date = wb.createSheet().createRow(0).createCell(0);
        date.setCellValue(LocalDate.of(2022, 3, 4));
        date.setCellStyle(format(wb, "dd/mm/yyyy"));

        assertEquals(List.of(new Line(1, List.of("2022-03-04"))), read(save(wb, "mac.xlsx"), null));
    }

    @Test
    void linesAreTheSheetsRowNumbersAndBlankRowsAreLeftOut() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet();
        s.createRow(0).createCell(0).setCellValue("id");
        s.createRow(1).createCell(0).setCellValue("a");
        s.createRow(2).createCell(3).setCellStyle(format(wb, "@")); // formatted but empty
        Row five = s.createRow(4);
        five.createCell(2).setCellValue("c");

        List<Line> lines = read(save(wb, "gaps.xlsx"), null);

        assertEquals(List.of(new Line(1, List.of("id")), new Line(2, List.of("a")),
                new Line(5, List.of("", "", "c"))), lines);
    }

    @Test
    void sheetIsChosenByNameIgnoringCaseAndSpaces() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("Tổng hợp").createRow(0).createCell(0).setCellValue("summary");
        wb.createSheet("Hồ sơ").createRow(0).createCell(0).setCellValue("dossiers");
        Path file = save(wb, "two.xlsx");

        assertEquals(List.of(new Line(1, List.of("dossiers"))), read(file, "Hồ sơ"));
        assertEquals(List.of(new Line(1, List.of("dossiers"))), read(file, " hồ sơ "));
        assertEquals(List.of(new Line(1, List.of("summary"))), read(file, null));
    }

    @Test
    void unknownSheetListsTheSheetsThatExist() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("Tổng hợp");
        wb.createSheet("Hồ sơ");
        String m = failure(save(wb, "two.xlsx"), "PAKN");
        assertEquals("two.xlsx: no sheet named \"PAKN\"; the workbook has: Tổng hợp, Hồ sơ", m);
    }

    @Test
    void csvRenamedToXlsxIsNamedAsText() throws IOException {
        Path file = dir.resolve("dossiers.xlsx");
        Files.writeString(file, "id,unit,channel\n1,S1,online\n", StandardCharsets.UTF_8);
        String m = failure(file, null);
        assertTrue(m.startsWith("dossiers.xlsx: not an Excel .xlsx workbook (it holds plain text, like a CSV file"), m);
        assertTrue(m.contains("CSV UTF-8"), m);
    }

    @Test
    void oldXlsIsNamedWithWhatToDo() throws IOException {
        HSSFWorkbook wb = new HSSFWorkbook();
        wb.createSheet().createRow(0).createCell(0).setCellValue("id");
        String m = failure(save(wb, "old.xlsx"), null);
        assertEquals("old.xlsx: an old Excel 97-2003 workbook (.xls), which is not read; open it in Excel and save"
                + " it as Excel Workbook (.xlsx) or CSV UTF-8", m);
    }

    @Test
    void passwordProtectedWorkbookIsNamed() throws Exception {
        Path plain = save(new XSSFWorkbook(), "plain.xlsx");
        Path file = dir.resolve("locked.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OPCPackage pkg = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
                 OutputStream os = enc.getDataStream(fs)) {
                pkg.save(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        String m = failure(file, null);
        assertTrue(m.startsWith("locked.xlsx: the workbook is protected with a password"), m);
    }

    @Test
    void missingFileIsNamedWithItsFolder() {
        String m = failure(dir.resolve("feedback.xlsx"), null);
        assertEquals("feedback.xlsx: file not found in " + dir.toAbsolutePath(), m);
    }

    @Test
    void handlerStopsTheReadWithItsOwnException() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet();
        for (int i = 0; i < 10; i++) {
            s.createRow(i).createCell(0).setCellValue("r" + i);
        }
        Path file = save(wb, "stop.xlsx");
        IllegalStateException stop = new IllegalStateException("wrong header");
        List<Long> seen = new ArrayList<>();

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new XlsxRows(file, null).forEach((line, cells) -> {
                    seen.add(line);
                    if (line == 2) {
                        throw stop;
                    }
                }));

        assertSame(stop, thrown);
        assertEquals(List.of(1L, 2L), seen);
    }

    @Test
    void twoHundredThousandRowsStreamThrough() throws IOException {
        int rows = 200_000;
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        Sheet s = wb.createSheet("Hồ sơ");
        CellStyle dateStyle = format(wb, "dd/mm/yyyy");
        Row header = s.createRow(0);
        String[] names = {"id", "unit", "channel", "received_date"};
        for (int c = 0; c < names.length; c++) {
            header.createCell(c).setCellValue(names[c]);
        }
        LocalDate day = LocalDate.of(2022, 1, 1);
        for (int i = 1; i <= rows; i++) {
            Row r = s.createRow(i);
            r.createCell(0).setCellValue(1_000_000 + i);
            r.createCell(1).setCellValue("UBND xã " + (i % 97));
            r.createCell(2).setCellValue(i % 3 == 0 ? "online" : "direct");
            Cell d = r.createCell(3);
            d.setCellValue(day.plusDays(i % 365));
            d.setCellStyle(dateStyle);
        }
        Path file = dir.resolve("big.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        } finally {
            wb.close();
        }

        long[] count = {0};
        List<String> last = new ArrayList<>();
        new XlsxRows(file, "Hồ sơ").forEach((line, cells) -> {
            count[0]++;
            assertEquals(count[0], line);
            if (line == rows + 1) {
                last.addAll(cells);
            }
        });

        assertEquals(rows + 1, count[0]);
        assertEquals(List.of("1200000", "UBND xã " + (rows % 97), "direct", day.plusDays(rows % 365).toString()), last);
    }
}
