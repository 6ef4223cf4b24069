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
 * The shared strings of an .xlsx export are not held on the heap: a workbook of 300,000 distinct strings is read in a
 * JVM of its own, which measures the heap still in use (after a full collection) before reading and at the last row,
 * and the temporary files are gone once the sheet is read, also when reading stops early.
 */
class XlsxSharedStringsTest {
    private static final int ROWS = 100_000; // three distinct shared strings per row
    /**
     * What reading may add to the heap it holds: its cache of 4,096 strings and the parsers' buffers take some 0.7 MiB
     * (measured, the same for 300,000 and 900,000 strings); POI's in-memory table holds 300,000 strings in some 20 MiB.
     */
    private static final long MAX_GROWTH_KIB = 4 * 1024;
    /**
     * The child's heap is no measure: before reading a row it already holds some 14 MiB, half of them the indexes of
     * the test class path's 168 jars (every one is opened by the XML and logging service look-ups), so that the 16 MiB
     * this test once used left 2 MiB to work in, thousands of full collections, a minute per read and, at times, an
     * OutOfMemoryError, whatever the reader did. 64 MiB leaves room for the class path to grow.
     */
    private static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    @Test
    void manySharedStringsAreReadWithoutHoldingThemOnTheHeap() throws IOException, InterruptedException {
        Path file = dir.resolve("dossiers.xlsx");
        SharedStringsWorkbook.write(file, ROWS);
        Path small = dir.resolve("small.xlsx");
        SharedStringsWorkbook.write(small, 10);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, HEAP, "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), CountXlsxRows.class.getName(), file.toString(),
                Integer.toString(ROWS + 1), small.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child ends");
        assertEquals(0, child.exitValue(), output);
        String[] counts = output.strip().split(" ");
        assertEquals(3, counts.length, output);
        assertEquals(ROWS + 1, Long.parseLong(counts[0]), "header and every row read");
        long growth = Long.parseLong(counts[2]) - Long.parseLong(counts[1]);
        assertTrue(growth < MAX_GROWTH_KIB, "reading 300,000 shared strings holds " + growth + " KiB more heap at the"
                + " last row than before the first (" + output.strip() + "), more than " + MAX_GROWTH_KIB + " KiB");
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
