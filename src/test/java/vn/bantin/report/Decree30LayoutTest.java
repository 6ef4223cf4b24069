package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decree 30/2020's format, measured on the PDFs a reader gets: Times-metric fonts, all embedded (poppler's
 * {@code pdffonts}), the page-1 margins and body size in the decree's ranges, and the signature block's images.
 */
class Decree30LayoutTest {
    private static final Path TEMPLATES = Path.of("templates");
    private static final double MM = 72 / 25.4;

    @TempDir
    static Path out;

    static Path province;
    static Path unit;

    @BeforeAll
    static void render() throws IOException {
        ResourceBundle labels = Labels.load(TEMPLATES, "vi");
        Map<String, Object> values = new HashMap<>(SampleParameters.year2022());
        values.put("signatureImage", Files.readAllBytes(SampleMarks.signature(out.resolve("signature.png"))));
        values.put("sealImage", Files.readAllBytes(SampleMarks.seal(out.resolve("seal.png"), "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
                "TỈNH BẮC NINH")));
        values.put("signatoryAuthority", "KT. GIÁM ĐỐC");
        values.put("signatoryTitle", "PHÓ GIÁM ĐỐC");
        values.put("signatoryName", "Nguyễn Văn A");
        values.put("distribution", "- UBND tỉnh (b/c);\n- Các sở, ban, ngành;\n- Lưu: VT, CĐS.");
        values.put("signedBy", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG, UBND TỈNH BẮC NINH");
        values.put("signedAt", "2023-01-05T07:30:00+07:00");
        province = out.resolve("province.pdf");
        new JasperRenderer(TEMPLATES).renderProvincePdf(values, labels, province);
        unit = out.resolve("unit.pdf");
        new JasperRenderer(TEMPLATES).renderUnitPdf(SampleIndicators.december("UBND xã Ninh Xá"), labels, unit);
    }

    @Test
    void pdffontsListsOnlyEmbeddedFontsAndTheBodyIsTheTimesMetricSerif() {
        for (Path pdf : List.of(province, unit)) {
            List<String[]> fonts = pdffonts(pdf);
            assertFalse(fonts.isEmpty(), pdf + ": pdffonts lists no font");
            for (String[] font : fonts) {
                assertEquals("yes", font[font.length - 5], pdf + ": not embedded: " + String.join(" ", font));
            }
            assertEquals("LiberationSerif", bodyFont(pdf).replaceFirst("^[A-Z]{6}\\+", ""), pdf + ": body font");
            assertTrue(fonts.stream().anyMatch(f -> f[0].endsWith("+LiberationSerif-Bold")), pdf + ": bold titles");
        }
    }

    @Test
    void pageOneMarginsAndBodySizeAreInDecree30sRanges() {
        for (Path pdf : List.of(province, unit)) {
            Page page = page1(pdf);
            double left = page.minX / MM;
            double right = (page.width - page.maxX) / MM;
            double top = page.minY / MM;
            double bottom = (page.height - page.maxY) / MM;
            String where = pdf.getFileName() + String.format(": left %.1f, right %.1f, top %.1f, bottom %.1f mm", left,
                    right, top, bottom);
            assertTrue(left >= 30 && left <= 35, where);
            assertTrue(right >= 15 && right <= 20, where);
            assertTrue(top >= 20 && top <= 25, where);
            assertTrue(bottom >= 20, where);
            double body = page.commonestSize();
            assertTrue(body >= 13 && body <= 14, pdf.getFileName() + ": body text is " + body + " pt");
        }
        // Page 1 of the province bulletin is full: its last line sits on the bottom margin, one table row above at most.
        double bottom = (page1(province).height - page1(province).maxY) / MM;
        assertTrue(bottom <= 25 + 16 / MM, "page 1 ends " + bottom + " mm above the edge");
    }

    @Test
    void theSealOverlapsTheLeftThirdOfTheSignatureWithTheSigningLineIn10pt() throws IOException {
        List<Rectangle2D> images = imagesOnLastPage(province);
        Rectangle2D signature = images.stream().filter(r -> r.getWidth() < 150 && r.getWidth() > r.getHeight()).findFirst().orElseThrow();
        Rectangle2D seal = images.stream().filter(r -> r.getWidth() < 150 && Math.abs(r.getWidth() - r.getHeight()) < 1).reduce((a, b) -> b)
                .orElseThrow();
        double overlap = (seal.getMaxX() - signature.getMinX()) / signature.getWidth();
        assertTrue(overlap > 0.2 && overlap < 0.45, "the seal covers " + overlap + " of the signature's width");
        assertTrue(seal.getMinX() < signature.getMinX(), "the seal sits on the left");
        String last = PdfContent.pages(province).get(PdfContent.pages(province).size() - 1);
        String flat = PdfContent.flat(last);
        int title = flat.indexOf("PHÓ GIÁM ĐỐC");
        int name = flat.indexOf("Nguyễn Văn A");
        assertTrue(title >= 0 && name > title, "title, then the name: " + flat);
        assertTrue(flat.contains("Ký bởi: SỞ THÔNG TIN VÀ TRUYỀN THÔNG, UBND TỈNH BẮC NINH"), flat);
        assertTrue(flat.contains("Thời gian ký: 2023-01-05T07:30:00+07:00"), flat);
        assertEquals(10.0, sizeOf(province, "Thời gian ký"), 0.01);
        assertEquals(12.0, sizeOf(province, "Nơi nhận"), 0.01);
        assertEquals(11.0, sizeOf(province, "- Các sở, ban, ngành"), 0.01);
        Rectangle2D titleLine = lineBox(province, "PHÓ GIÁM ĐỐC");
        Rectangle2D nameLine = lineBox(province, "Nguyễn Văn A");
        assertTrue(signature.getMinY() > titleLine.getMaxY() - 1 && signature.getMaxY() < nameLine.getMinY() + 1,
                "the signature between title and name: " + signature + " " + titleLine + " " + nameLine);
    }

    @Test
    void theTypeLineAndTheNumberFollowTheDecree() {
        String text = PdfContent.flat(PdfContent.pages(province).get(0));
        assertTrue(text.contains("Số: 05/BC-STTTT"), text);
        assertTrue(text.indexOf("BÁO CÁO") < text.indexOf("Kết quả thực hiện một số chỉ tiêu"), "subject under the type");
        assertEquals(14.0, sizeOf(province, "BÁO CÁO"), 0.01);
        assertEquals(13.0, sizeOf(province, "Độc lập"), 0.01);
        assertEquals(12.0, sizeOf(province, "CỘNG HÒA"), 0.01);
        assertEquals(13.0, sizeOf(province, "Bắc Ninh, ngày"), 0.01);
    }

    /** Each row of {@code pdffonts}: name, type words…, encoding, emb, sub, uni, object, generation. */
    private static List<String[]> pdffonts(Path pdf) {
        try {
            Process p = new ProcessBuilder("pdffonts", pdf.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdffonts (poppler-utils): " + output);
            return output.lines().skip(2).filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("pdffonts (poppler-utils) is needed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The font of most of page 1's characters. */
    private static String bodyFont(Path pdf) {
        Map<String, Integer> count = new HashMap<>();
        positions(pdf, 1).forEach(p -> count.merge(p.getFont().getName(), 1, Integer::sum));
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private record Page(double width, double height, double minX, double maxX, double minY, double maxY,
                        Map<Double, Integer> sizes) {
        double commonestSize() {
            return sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    /** Where page 1's glyphs reach (their boxes: from the ascent above the baseline to the descent under it). */
    private static Page page1(Path pdf) {
        double[] e = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0};
        Map<Double, Integer> sizes = new HashMap<>();
        for (TextPosition p : positions(pdf, 1)) {
            e[4] = p.getPageWidth();
            e[5] = p.getPageHeight();
            double size = p.getFontSizeInPt();
            e[0] = Math.min(e[0], p.getXDirAdj());
            e[1] = Math.max(e[1], p.getXDirAdj() + p.getWidthDirAdj());
            e[2] = Math.min(e[2], p.getYDirAdj() - p.getFont().getFontDescriptor().getAscent() / 1000 * size);
            e[3] = Math.max(e[3], p.getYDirAdj() - p.getFont().getFontDescriptor().getDescent() / 1000 * size);
            sizes.merge(Math.round(size * 10) / 10.0, 1, Integer::sum);
        }
        return new Page(e[4], e[5], e[0], e[1], e[2], e[3], sizes);
    }

    /** The size of the first glyph of the first line that starts with {@code start}, on any page. */
    private static double sizeOf(Path pdf, String start) {
        return line(pdf, start).get(0).getFontSizeInPt();
    }

    private static Rectangle2D lineBox(Path pdf, String start) {
        List<TextPosition> line = line(pdf, start);
        TextPosition first = line.get(0);
        double size = first.getFontSizeInPt();
        return new Rectangle2D.Double(first.getXDirAdj(), first.getYDirAdj() - size, 1, size);
    }

    private static List<TextPosition> line(Path pdf, String start) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<List<TextPosition>> found = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (found.isEmpty() && ProvincePdfTest.nfc(text).strip().startsWith(start)) {
                        found.add(List.copyOf(positions));
                    }
                }
            };
            stripper.getText(document);
            assertFalse(found.isEmpty(), "no line starts with '" + start + "' in " + pdf);
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<TextPosition> positions(Path pdf, int page) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<TextPosition> all = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.stream().filter(p -> !p.getUnicode().isBlank()).forEach(all::add);
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(document);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The boxes (top-down page coordinates, points) of the images drawn on the last page, in drawing order. */
    private static List<Rectangle2D> imagesOnLastPage(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDPage page = document.getPage(document.getNumberOfPages() - 1);
            float height = page.getMediaBox().getHeight();
            List<Rectangle2D> boxes = new ArrayList<>();
            new PDFGraphicsStreamEngine(page) {
                @Override
                public void drawImage(PDImage image) {
                    var m = getGraphicsState().getCurrentTransformationMatrix();
                    boxes.add(new Rectangle2D.Double(m.getTranslateX(), height - m.getTranslateY() - m.getScalingFactorY(),
                            m.getScalingFactorX(), m.getScalingFactorY()));
                }

                @Override public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1,
                        java.awt.geom.Point2D p2, java.awt.geom.Point2D p3) { }
                @Override public void clip(int windingRule) { }
                @Override public void moveTo(float x, float y) { }
                @Override public void lineTo(float x, float y) { }
                @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { }
                @Override public java.awt.geom.Point2D getCurrentPoint() {
                    return new java.awt.geom.Point2D.Float();
                }
                @Override public void closePath() { }
                @Override public void endPath() { }
                @Override public void strokePath() { }
                @Override public void fillPath(int windingRule) { }
                @Override public void fillAndStrokePath(int windingRule) { }
                @Override public void shadingFill(COSName shadingName) { }

                void run() throws IOException {
                    processPage(page);
                }
            }.run();
            return boxes;
        }
    }
}
