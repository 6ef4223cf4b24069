package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.report.ProvincePdfTest.assertContainsAll;
import static vn.bantin.report.ProvincePdfTest.nfc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2022 province bulletin as a Word document, for an office that edits it before issuing: a package Word opens
 * without repairing it, its tables Word tables, and, opened by LibreOffice, the same figures as the PDF.
 */
class ProvinceDocxTest {

    /** The figures of the 2022 summary (ProvincePdfTest checks the PDF says them). */
    static final String[] SUMMARY_FIGURES = {"93,78%", "92,53%", "94,57%", "68,5%", "27,29%", "69,8%", "6,67%",
            "1.724", "1.541", "89,39%", "921", "3,04", "3,4"};
    static final String[] SUMMARY_SENTENCES = {
            "Tỷ lệ trung bình cấp tỉnh đạt 93,78%; cấp huyện đạt 92,53%, cấp xã đạt 94,57%.",
            "Tổng số phản ánh kiến nghị được tiếp nhận năm 2022 là 1.724",
            "Mức độ hài lòng trung bình đạt 3,04/5 điểm"};

    @TempDir
    static Path out;

    static Path pdf;
    static Path docx;

    @BeforeAll
    static void render() {
        List<Path> files = new JasperRenderer(ProvincePdfTest.TEMPLATES).renderProvince(SampleParameters.year2022(),
                Labels.load(ProvincePdfTest.TEMPLATES, "vi"), OutputFormats.parse("pdf,docx"), out, "ban-tin-2022-tinh");
        assertEquals(List.of(out.resolve("ban-tin-2022-tinh.pdf"), out.resolve("ban-tin-2022-tinh.docx")), files);
        pdf = files.get(0);
        docx = files.get(1);
    }

    @Test
    void opensInPoiWithTheVietnameseTextIntact() throws IOException {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument document = new XWPFDocument(in);
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = PdfContent.flat(extractor.getText());
            assertContainsAll(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO");
            assertContainsAll(text, SUMMARY_FIGURES);
            assertContainsAll(text, SUMMARY_SENTENCES);
        }
    }

    @Test
    void aTableRowIsAWordTableRowWithACellPerColumn() throws IOException {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument document = new XWPFDocument(in)) {
            List<List<String>> rows = new ArrayList<>();
            document.getTables().forEach(t -> collectRows(t, rows));
            List<String> row = rows.stream().filter(r -> r.contains("Sở Công Thương")).findFirst().orElseThrow(
                    () -> new AssertionError("no table row holds the cell 'Sở Công Thương'"));
            // Its seven columns (number, unit, in, signed out, rate, target, verdict), each in a cell, as the PDF reads.
            assertEquals(7, row.size(), row.toString());
            assertEquals(List.of("3", "Sở Công Thương"), row.subList(0, 2));
            String line = String.join(" ", row);
            assertTrue(nfc(PdfContent.text(pdf)).contains(line), "the PDF has no line '" + line + "'");
        }
        // Text placed at fixed points (text boxes, framed paragraphs) would not move when an office edits a sentence.
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            String body = new String(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(body.contains("txbxContent"), "a text box in the document");
            assertFalse(body.contains("<w:framePr"), "a framed paragraph in the document");
            assertTrue(body.contains("<w:tbl>"), "no Word table in the document");
        }
    }

    @Test
    void libreOfficeShowsTheFiguresOfThePdf() throws IOException, InterruptedException {
        Path converted = LibreOffice.toPdf(docx, Files.createDirectories(out.resolve("libreoffice")));
        String fromWord = PdfContent.text(converted);
        assertContainsAll(fromWord, SUMMARY_FIGURES);
        assertContainsAll(fromWord, SUMMARY_SENTENCES);
        // Every number of the PDF, and no other: the tables' rows too, read cell by cell (top to bottom, a number
        // centred beside a name on three lines would be cut into the name's lines).
        assertEquals(numbers(PdfContent.text(pdf)), numbers(PdfContent.textInWritingOrder(converted)));
    }

    /** The rows of a table and of the tables nested in its cells, each as its non-empty cells' texts. */
    private static void collectRows(XWPFTable table, List<List<String>> rows) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cell.getTables().forEach(t -> collectRows(t, rows));
                String text = nfc(cell.getText().strip());
                if (cell.getTables().isEmpty() && !text.isEmpty()) {
                    cells.add(text);
                }
            }
            rows.add(cells);
        }
    }

    private static Set<String> numbers(String text) {
        Set<String> numbers = new TreeSet<>();
        Matcher m = Pattern.compile("\\d+(?:[.,]\\d+)*%?").matcher(text);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }
}
