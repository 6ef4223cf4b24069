package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * A difference in the reconciliation sentence ("chênh lệch +2,26") is never broken across two lines: no line break
 * opportunity falls inside it, as Java's line breaking (the one JasperReports wraps text with) finds them.
 */
class SignedInTextTest {

    @Test
    void noLineBreakFallsInsideASignedDifference() {
        for (double x : new double[] {2.26, 2.18, 12.5, 0.26, 100, -4.82, -0.3}) {
            String number = Decision766Parameters.signedInText(x);
            String sentence = "Tổng điểm chính thức 73,70, tính tại tỉnh 71,44, chênh lệch " + number + ".";
            int from = sentence.indexOf(number);
            for (Locale locale : new Locale[] {new Locale("vi", "VN"), Locale.ROOT}) {
                BreakIterator lines = BreakIterator.getLineInstance(locale);
                lines.setText(sentence);
                int next = lines.following(from);
                assertTrue(next >= from + number.length(), "a line may break inside " + number + " after \""
                        + sentence.substring(from, next) + "\"");
                assertTrue(lines.isBoundary(from), "the line may still break before " + number);
            }
        }
        assertEquals("+\u202F2,26", Decision766Parameters.signedInText(2.26));
        assertEquals("-4,82", Decision766Parameters.signedInText(-4.82));
    }
}
