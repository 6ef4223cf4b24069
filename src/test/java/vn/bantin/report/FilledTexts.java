package vn.bantin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;

/** The texts of a filled bulletin, as the fill laid them out (before export). */
final class FilledTexts {
    private static final String KEEP_FULL_TEXT = "net.sf.jasperreports.print.keep.full.text";

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

    private static List<String> texts(JasperPrint print, Predicate<JRPrintText> which) {
        List<String> texts = new ArrayList<>();
        print.getPages().forEach(page -> collect(page.getElements(), which, texts));
        return texts;
    }

    private static void collect(List<JRPrintElement> elements, Predicate<JRPrintText> which, List<String> texts) {
        for (JRPrintElement element : elements) {
            if (element instanceof JRPrintFrame frame) {
                collect(frame.getElements(), which, texts);
            } else if (element instanceof JRPrintText text && which.test(text)) {
                texts.add(text.getFullText());
            }
        }
    }
}
