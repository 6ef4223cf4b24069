package vn.bantin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;

/** The texts of a filled bulletin, as the fill laid them out (before export). */
final class FilledTexts {
    private static final String KEEP_FULL_TEXT = "net.sf.jasperreports.print.keep.full.text";
    /**
     * What a template left unfilled: Jasper's word for a missing value, a sentence pattern's {@code {0}} that no figure
     * replaced, a {@code $R{key}} that was never looked up. Whole words only: "nullity" or a unit name is no match.
     */
    private static final Pattern UNFILLED = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])null(?![\\p{L}\\p{N}_])|\\{\\d+(?:,[^{}]*)?}|\\$[RPFV]\\{[^}]*}");

    /** A printed text holding {@code found}, on {@code page} (from 1), printed by the design element {@code element}. */
    record Unfilled(String text, String found, int page, UUID element) {
    }

    private FilledTexts() {
    }

    /** Texts the fill had to cut because their box could not grow; Jasper marks them only when told to keep the full text. */
    static List<String> cut(Supplier<JasperPrint> fill) {
        JasperReportsContext context = DefaultJasperReportsContext.getInstance();
        context.setProperty(KEEP_FULL_TEXT, "true");
        try {
            return texts(fill.get(), text -> text.getTextTruncateIndex() != null);
        } finally {
            context.removeProperty(KEEP_FULL_TEXT);
        }
    }

    /** Every text the bulletin prints, one per box (a table cell's text whole, however it wraps). */
    static List<String> printed(JasperPrint print) {
        return texts(print, text -> true);
    }

    /** Every printed text that holds something a template left unfilled, in page order. */
    static List<Unfilled> unfilled(JasperPrint print) {
        List<Unfilled> found = new ArrayList<>();
        for (int page = 0; page < print.getPages().size(); page++) {
            int number = page + 1;
            walk(print.getPages().get(page).getElements(), text -> {
                Matcher m = UNFILLED.matcher(text.getFullText() == null ? "" : text.getFullText());
                if (m.find()) {
                    found.add(new Unfilled(text.getFullText(), m.group(), number, text.getUUID()));
                }
            });
        }
        return found;
    }

    private static void walk(List<JRPrintElement> elements, java.util.function.Consumer<JRPrintText> each) {
        for (JRPrintElement element : elements) {
            if (element instanceof JRPrintFrame frame) {
                walk(frame.getElements(), each);
            } else if (element instanceof JRPrintText text) {
                each.accept(text);
            }
        }
    }

    private static List<String> texts(JasperPrint print, Predicate<JRPrintText> which) {
        List<String> texts = new ArrayList<>();
        print.getPages().forEach(page -> walk(page.getElements(), text -> {
            if (which.test(text)) {
                texts.add(text.getFullText());
            }
        }));
        return texts;
    }
}
