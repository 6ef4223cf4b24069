package vn.bantin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared strings of an .xlsx export are not held on the heap: a workbook of 300,000 distinct strings is read in
 * a JVM of its own with a 16 MB heap (POI's in-memory table needs some 20 MB for them alone), and the temporary
 * files are gone once the sheet is read, also when reading stops early.
 */
class XlsxSharedStringsTest {
    @TempDir
    Path dir;

    @Test
    void manySharedStringsAreReadWithASmallHeap() throws IOException, InterruptedException {
        Path file = dir.resolve("dossiers.xlsx");
        SharedStringsWorkbook.write(file, 100_000);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx16m", "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), CountXlsxRows.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child ends");
        assertEquals(0, child.exitValue(), output);
        assertEquals("100001", output.strip(), "header and every row read");
        assertEquals(List.of(), files(tmp), "no temporary file left");
    }

    @Test
    void richTextCellsReadAsTheirTextAndTheTemporaryFilesGoEvenWhenReadingStops() throws IOException {
        Path file = dir.resolve("rich.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("Hồ sơ");
            XSSFRichTextString rich = new XSSFRichTextString("Đã xử lý đúng hạn");
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            rich.applyFont(0, 8, bold);
            sheet.createRow(0).createCell(0).setCellValue(rich);
            sheet.createRow(1).createCell(0).setCellValue("Hồ sơ <1> & \"2\"");
            sheet.createRow(2).createCell(0).setCellValue("Đã xử lý đúng hạn");
            wb.write(out);
        }
        String tmpBefore = System.getProperty("java.io.tmpdir");
        List<Path> before = strings(Path.of(tmpBefore));
        List<String> texts = new ArrayList<>();
        new XlsxRows(file, null).forEach((line, cells) -> texts.add(cells.get(0)));
        assertEquals(List.of("Đã xử lý đúng hạn", "Hồ sơ <1> & \"2\"", "Đã xử lý đúng hạn"), texts);

        assertThrows(SourceException.class, () -> new XlsxRows(file, null).forEach((line, cells) -> {
            throw new SourceException("stop");
        }));
        assertEquals(before, strings(Path.of(tmpBefore)), "no temporary file left");
    }

    private static List<Path> strings(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("bantin-xlsx-strings")).sorted().toList();
        }
    }

    private static List<Path> files(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }
}
