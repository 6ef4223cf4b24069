package vn.bantin.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** What a reader of the PDF gets, read back with PDFBox (independently of the OpenPDF that wrote it). */
final class PdfContent {

    private PdfContent() {
    }

    /**
     * All text as one string, whitespace (line breaks, no-break spaces) collapsed to single spaces,
     * without the page numbers at the top of pages 2.., so a sentence running over a page break reads on.
     */
    static String text(Path pdf) {
        return text(pdf, true);
    }

    /**
     * The same, in the order the PDF's writer put the text down rather than top to bottom: for a PDF made by a word
     * processor, whose vertically centred cells would otherwise interleave with the lines of a taller cell beside them.
     */
    static String textInWritingOrder(Path pdf) {
        return text(pdf, false);
    }

    private static String text(Path pdf, boolean sortByPosition) {
        StringBuilder all = new StringBuilder();
        for (String page : pages(pdf, sortByPosition)) {
            all.append(' ').append(page.strip().replaceFirst("^\\d+\\s", ""));
        }
        return flat(all.toString());
    }

    static String flat(String text) {
        return text.replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    /** Text of each page, in reading order (top to bottom). */
    static List<String> pages(Path pdf) {
        return pages(pdf, true);
    }

    private static List<String> pages(Path pdf, boolean sortByPosition) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(sortByPosition);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fonts used by any page, or any form a page draws, that are not embedded in the file. */
    static Set<String> nonEmbeddedFonts(Path pdf) {
        return fonts(pdf, false);
    }

    static Set<String> embeddedFonts(Path pdf) {
        return fonts(pdf, true);
    }

    private static Set<String> fonts(Path pdf, boolean embedded) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            Set<String> found = new TreeSet<>();
            Set<PDResources> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (PDPage page : document.getPages()) {
                collect(page.getResources(), embedded, found, seen);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(PDResources resources, boolean embedded, Set<String> found, Set<PDResources> seen)
            throws IOException {
        if (resources == null || !seen.add(resources)) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font.isEmbedded() == embedded) {
                found.add(font.getName());
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collect(form.getResources(), embedded, found, seen);
            }
        }
    }

    /** The pixel size ("240x240") of each image drawn on page {@code page} (1-based). */
    static List<String> imagesOnPage(Path pdf, int page) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> sizes = new ArrayList<>();
            images(document.getPage(page - 1).getResources(), sizes);
            return sizes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void images(PDResources resources, List<String> sizes) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                sizes.add(image.getWidth() + "x" + image.getHeight());
            } else if (object instanceof PDFormXObject form) {
                images(form.getResources(), sizes);
            }
        }
    }

    /** Leftmost and rightmost x (points) of any glyph on any page. */
    static double[] textExtent(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            double[] extent = {Double.MAX_VALUE, -Double.MAX_VALUE};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        if (!p.getUnicode().isBlank()) {
                            extent[0] = Math.min(extent[0], p.getXDirAdj());
                            extent[1] = Math.max(extent[1], p.getXDirAdj() + p.getWidthDirAdj());
                        }
                    }
                }
            };
            stripper.getText(document);
            return extent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
