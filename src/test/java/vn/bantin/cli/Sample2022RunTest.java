package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command on the bundled 2022 sample: every figure of the published 2022 summary must be in
 * the PDF (as text, the Vietnamese way), in the workbook (as numeric cells), and the outbox must hold one message
 * per recipient of the province bulletin.
 */
class Sample2022RunTest {
    @TempDir
    static Path tmp;
    static CliRun run;
    static Path folder;
    static String pdfText;

    @BeforeAll
    static void runTheSample() throws IOException {
        run = CliRun.of("run", "--period", "2022", "--out", tmp.resolve("out").toString(),
                "--outbox", tmp.resolve("outbox").toString(), "--store", CliRun.store(tmp));
        folder = tmp.resolve("out/2022");
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("tinh/ban-tin-2022-tinh.pdf").toFile())) {
            pdfText = new PDFTextStripper().getText(pdf);
        }
    }

    /** The text with line breaks folded, so a sentence that wraps still reads as one. */
    private static String flat() {
        return pdfText.replaceAll("\\s+", " ");
    }

    @Test
    void exitsZeroAndWritesEveryFile() {
        assertEquals(0, run.exitCode(), run.err());
        for (String f : List.of("tinh/ban-tin-2022-tinh.pdf", "tinh/ban-tin-2022-tinh.xlsx", "indicators.csv", "rejects.csv",
                "run-summary.txt")) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
        assertTrue(run.out().contains("read documents.csv"), run.out());
    }

    /** Issue 9.6: a few progress lines, not one per bulletin and message; each message is in the summary file. */
    @Test
    void printsAFewProgressLinesAndListsEveryMessageInTheSummary() throws IOException {
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.size() < 30, lines.size() + " lines:\n" + run.out());
        assertTrue(lines.contains("  rendered 154/154 unit bulletins"), run.out());
        assertTrue(lines.contains("  sent     158/158 messages"), run.out());
        String summary = Files.readString(folder.resolve("run-summary.txt"));
        try (var eml = Files.list(tmp.resolve("outbox"))) {
            eml.forEach(m -> assertTrue(summary.contains(m.toString()), "the summary lists " + m));
        }
    }

    @Test
    void pdfCarriesEveryFigureOfThe2022Summary() {
        String text = flat();
        for (String figure : List.of("93,78%", "92,53%", "94,57%", "68,5%", "27,29%", "69,8%", "6,67%", "1.724", "1.541",
                "89,39%", "921", "3,04", "3,4", "64%", "100%", "01/01/2022", "31/12/2022")) {
            assertTrue(text.contains(figure), "PDF lacks " + figure);
        }
        for (String name : List.of("Ban Quản lý An toàn thực phẩm", "Sở Thông tin và Truyền thông",
                "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Ninh Xá",
                "thành phố Bắc Ninh", "huyện Gia Bình", "huyện Lương Tài", "huyện Tiên Du")) {
            assertTrue(text.contains(name), "PDF lacks " + name);
        }
        assertTrue(text.contains("Rác thải, Chất thải, Vỉa hè lề đường, Công trình xây dựng, Đỗ xe, Chiếu sáng, "
                + "Tai nạn giao thông, Tiếng ồn, Lòng đường, Ùn tắc"), "top subjects in order");
    }

    @Test
    void pdfIsSignedAndDistributedAsTheConfigSays() {
        // config/bantin.properties: org.signatory.* and org.distribution
        String text = flat();
        for (String line : List.of("Nơi nhận:", "- UBND tỉnh (b/c);", "- Các sở, ban, ngành;", "- Lưu: VT, CĐS.",
                "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A")) {
            assertTrue(text.contains(line), "PDF lacks " + line);
        }
    }

    @Test
    void pdfTextIsComposedVietnameseWithEveryFontEmbedded() throws IOException {
        assertTrue(Normalizer.isNormalized(pdfText, Normalizer.Form.NFC));
        assertTrue(flat().contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assertTrue(flat().contains("Độc lập - Tự do - Hạnh phúc"));
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("tinh/ban-tin-2022-tinh.pdf").toFile())) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    PDFont font = res.getFont(name);
                    fonts.add(font.getName());
                    assertTrue(font.isEmbedded(), "font not embedded: " + font.getName());
                }
            }
            assertTrue(pdf.getNumberOfPages() >= 2);
            assertTrue(!fonts.isEmpty());
        }
    }

    @Test
    void workbookHoldsTheFiguresAsNumericCells() throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve("tinh/ban-tin-2022-tinh.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(wb.getNumberOfSheets() >= 4, "summary plus one sheet per group");
            assertTrue(wb.getSheet("766") == null, "no Decision 766 sheet without 766 columns");
            // Percent cells hold fractions; rounded as the bulletin displays them (93,78% is 0.9378 at 4 places).
            for (double percent : new double[] {0.9378, 0.9253, 0.9457, 0.685, 0.2729, 0.698, 0.0667, 0.8939, 0.64, 1}) {
                assertTrue(hasNumber(wb, percent, 4, true), "no percent cell " + percent);
            }
            for (double n : new double[] {1724, 1541, 921, 21}) {
                assertTrue(hasNumber(wb, n, 0, false), "no numeric cell " + n);
            }
            assertTrue(hasNumber(wb, 3.04, 2, false), "no rating 3,04");
            assertTrue(hasNumber(wb, 3.4, 2, false), "no rating 3,4");
            assertTrue(hasNumber(wb, 0.6, 2, true), "unit targets are percent cells too");
            for (Sheet sheet : wb) {
                assertTrue(sheet.getPaneInformation() != null && sheet.getPaneInformation().isFreezePane(),
                        "header not frozen on " + sheet.getSheetName());
            }
        }
    }

    /** A numeric cell equal to {@code value} when both are rounded half-up to {@code places} decimals. */
    private static boolean hasNumber(XSSFWorkbook wb, double value, int places, boolean percentFormat) {
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC && round(cell.getNumericCellValue(), places) == round(value, places)
                            && (!percentFormat || cell.getCellStyle().getDataFormatString().contains("%"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long round(double v, int places) {
        return new java.math.BigDecimal(Double.toString(v)).movePointRight(places).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }

    @Test
    void outboxHasOneMessagePerRecipientWithBothFilesAttached() throws Exception {
        List<Path> emls;
        try (Stream<Path> s = Files.list(tmp.resolve("outbox"))) {
            emls = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertEquals(4 + 154, emls.size(), "4 recipients of the province bulletin, and one văn thư per unit");
        emls = emls.stream().filter(p -> p.getFileName().toString().startsWith("ban-tin-2022-tinh--")).toList();
        assertEquals(4, emls.size(), "four recipients of the province bulletin in config/recipients.csv");
        Session session = Session.getInstance(new Properties());
        for (Path eml : emls) {
            try (InputStream in = Files.newInputStream(eml)) {
                MimeMessage m = new MimeMessage(session, in);
                assertEquals(1, m.getAllRecipients().length);
                assertEquals("Bản tin chuyển đổi số năm 2022 – tỉnh Bắc Ninh", m.getSubject());
                List<String> parts = new ArrayList<>();
                collect(m, parts);
                assertTrue(parts.stream().anyMatch(p -> p.startsWith("text/plain") && p.contains("93,78%")), parts.toString());
                assertTrue(parts.stream().anyMatch(p -> p.startsWith("text/html") && p.contains("1.724")));
                assertTrue(parts.contains("file:ban-tin-2022-tinh.pdf"));
                assertTrue(parts.contains("file:ban-tin-2022-tinh.xlsx"));
            }
        }
    }

    private static void collect(Part part, List<String> out) throws Exception {
        if (part.getFileName() != null) {
            out.add("file:" + part.getFileName());
        } else if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), out);
            }
        } else {
            out.add(part.getContentType().toLowerCase() + "\n" + part.getContent());
        }
    }

    @Test
    void historyShowsTheRunAndItsDeliveries() {
        CliRun h = CliRun.of("history", "--store", CliRun.store(tmp), "--period", "2022");
        assertEquals(0, h.exitCode(), h.err());
        assertTrue(h.out().contains("2022      province+unit    succeeded"), h.out());
        assertTrue(h.out().contains("158 sent, 0 sent before, 0 not delivered"), h.out());
        assertTrue(h.out().contains("deliveries of the province bulletin for 2022: 4 sent"), h.out());
        String node = vn.bantin.store.NodeName.current();
        assertTrue(h.out().contains("; ran on " + node), "the node that ran it\n" + h.out());
        assertTrue(h.out().lines().filter(l -> l.contains("@bacninh.gov.vn")).allMatch(l -> l.contains(", sent by " + node)),
                "the node that sent each message\n" + h.out());
    }

    @Test
    void resendSendsThatOneCopyAgainAndNothingElse() {
        CliRun again = CliRun.of("run", "--period", "2022", "--bulletin", "province", "--resend", "ChuTich@bacninh.gov.vn",
                "--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString(), "--store", CliRun.store(tmp));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("resend province of 2022 to chutich@bacninh.gov.vn: queued"), again.out());
        assertTrue(again.out().contains("1 message(s) sent, 0 already sent before, 0 not delivered"), again.out());
        CliRun h = CliRun.of("history", "--store", CliRun.store(tmp), "--period", "2022");
        assertTrue(h.out().lines().anyMatch(l -> l.contains("chutich@bacninh.gov.vn") && l.contains("attempts 2")), h.out());
    }

    @Test
    void indicatorsCsvHasTheMachineReadableFigures() throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("indicators.csv"));
        assertEquals("period_start,period_end,indicator,scope,scope_code,scope_name,numerator,denominator,value,target,met,points,max_points",
                lines.get(0));
        assertTrue(lines.contains("2022-01-01,2022-12-31,pakn.received,province,province,tỉnh Bắc Ninh,,,1724,,,,"), "pakn.received");
    }
}
