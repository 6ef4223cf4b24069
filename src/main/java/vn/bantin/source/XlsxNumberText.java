package vn.bantin.source;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The text of a numeric XLSX cell as the contract reads it, whatever the reader's locale: whole numbers without
 * {@code .0} or exponent ({@code 1002643}), others with a plain decimal point ({@code 3.5}), and cells with a
 * date format as {@code yyyy-MM-dd}, or {@code yyyy-MM-dd'T'HH:mm[:ss]} when the time is not midnight.
 * POI's sheet handler calls this for every numeric cell and every formula with a cached number.
 */
final class XlsxNumberText extends DataFormatter {
    /** Whole numbers up to 2^53 are exact in a double; beyond, Excel's 15 significant digits apply. */
    private static final double EXACT_WHOLE = 9_007_199_254_740_992d;
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final boolean date1904;

    /** {@code date1904}: the workbook counts days from 1904 (old Mac Excel), not 1900. */
    XlsxNumberText(boolean date1904) {
        this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return formatRawCellContents(value, formatIndex, formatString, date1904);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
        if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString)
                && DateUtil.isValidExcelDate(value)) {
            return dateText(value, use1904 || date1904);
        }
        return number(value);
    }

    private static String dateText(double value, boolean use1904) {
        LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
        if (value < 1) {
            return t.toLocalTime().toString(); // a time of day without a date
        }
        // LocalDateTime prints yyyy-MM-ddTHH:mm, adding :ss only when the seconds are not zero
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_WHOLE) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }
}
