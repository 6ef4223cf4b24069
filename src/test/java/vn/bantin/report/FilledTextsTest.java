package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.base.JRBasePrintFrame;
import net.sf.jasperreports.engine.base.JRBasePrintPage;
import net.sf.jasperreports.engine.base.JRBasePrintText;

/** What counts as unfilled: whole words and whole placeholders only, so that no real name or sentence is held back. */
class FilledTextsTest {

    @Test
    void findsNullPlaceholdersAndLabelKeysAndNothingElse() {
        List<String> texts = List.of("null", "Sở Xây dựng: null/20", "Từ ngày {0} đến ngày {1}", "{1,number,#}",
                "$R{edoc.col.unti}",
                // not unfilled: a word that holds null, a capitalised Latin word, braces that are no placeholder
                "nullity", "Nullam", "Phường Đông Ngàn", "{a}", "Tỷ lệ 100%", "{{unitName}} in an email is its own check");
        JasperPrint print = new JasperPrint();
        JRBasePrintPage page = new JRBasePrintPage();
        JRBasePrintFrame frame = new JRBasePrintFrame(null); // a table cell's text sits in frames
        for (String text : texts) {
            JRBasePrintText element = new JRBasePrintText(null);
            element.setText(text);
            frame.addElement(element);
        }
        page.addElement(frame);
        print.addPage(page);

        assertEquals(List.of("null", "null", "{0}", "{1,number,#}", "$R{edoc.col.unti}"),
                FilledTexts.unfilled(print).stream().map(FilledTexts.Unfilled::found).toList());
    }
}
