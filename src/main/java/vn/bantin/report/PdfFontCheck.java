package vn.bantin.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.TreeSet;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.RandomAccessFileOrArray;

/**
 * Finds fonts a PDF uses without embedding them. A template whose font is not in a font extension
 * is exported with a standard, non-embedded font: Jasper logs nothing, and the reader's PDF viewer
 * drops or garbles the Vietnamese diacritics. Checking the finished file is the only reliable alarm.
 */
public final class PdfFontCheck {

    private PdfFontCheck() {
    }

    /** Base names of the fonts not embedded in the PDF, on any page or in any form it draws; empty when all are. */
    public static Set<String> nonEmbeddedFonts(Path pdf) {
        PdfReader reader = null;
        try {
            // Read partially: only the page tree and the dictionaries it reaches are parsed, not every object of the
            // file as a full read does (for a one-page unit bulletin, a fifth of the time; this runs for every PDF).
            reader = new PdfReader(new RandomAccessFileOrArray(Files.readAllBytes(pdf)), null);
            Set<String> missing = new TreeSet<>();
            Set<PdfDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                collect(reader.getPageN(page).getAsDict(PdfName.RESOURCES), missing, seen);
            }
            return missing;
        } catch (IOException e) {
            throw new ReportException("PDF " + pdf + " cannot be read back to check its fonts: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                reader.close();
            }
        }
    }

    private static void collect(PdfDictionary resources, Set<String> missing, Set<PdfDictionary> seen) {
        if (resources == null || !seen.add(resources)) {
            return;
        }
        PdfDictionary fonts = resources.getAsDict(PdfName.FONT);
        if (fonts != null) {
            for (PdfName key : fonts.getKeys()) {
                PdfDictionary font = fonts.getAsDict(key);
                if (font != null && !isEmbedded(font)) {
                    PdfName base = font.getAsName(PdfName.BASEFONT);
                    missing.add(base == null ? key.toString() : PdfName.decodeName(base.toString()));
                }
            }
        }
        // Charts and other vector drawings may sit in form XObjects with fonts of their own.
        PdfDictionary xObjects = resources.getAsDict(PdfName.XOBJECT);
        if (xObjects != null) {
            for (PdfName key : xObjects.getKeys()) {
                PdfObject object = PdfReader.getPdfObject(xObjects.get(key));
                if (object instanceof PdfDictionary form && PdfName.FORM.equals(form.getAsName(PdfName.SUBTYPE))) {
                    collect(form.getAsDict(PdfName.RESOURCES), missing, seen);
                }
            }
        }
    }

    private static boolean isEmbedded(PdfDictionary font) {
        PdfName subtype = font.getAsName(PdfName.SUBTYPE);
        if (PdfName.TYPE3.equals(subtype)) {
            return true; // glyphs are drawn by the font's own content streams
        }
        PdfDictionary described = font;
        if (PdfName.TYPE0.equals(subtype)) {
            PdfArray descendants = font.getAsArray(PdfName.DESCENDANTFONTS);
            described = descendants == null ? null : descendants.getAsDict(0);
        }
        PdfDictionary descriptor = described == null ? null : described.getAsDict(PdfName.FONTDESCRIPTOR);
        return descriptor != null
                && (descriptor.contains(PdfName.FONTFILE)
                        || descriptor.contains(PdfName.FONTFILE2)
                        || descriptor.contains(PdfName.FONTFILE3));
    }
}
