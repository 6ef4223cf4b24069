package vn.bantin.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import vn.bantin.indicator.Figure;

/**
 * The vi-VN display rule: thousands '.', decimals ',', half-up to two decimals, trailing zeros dropped
 * ({@code 1.724}, {@code 93,78%}, {@code 68,5%}, {@code 100%}, {@code 3,04}). Dates {@code dd/MM/yyyy}.
 */
public final class VietnameseFormat {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnameseFormat() {
    }

    public static String number(long n) {
        return group(Long.toString(Math.abs(n)), n < 0);
    }

    /** Half-up on the decimal the double prints as, so 93.775 shows as 93,78 as a person would round it. */
    public static String decimal(double d) {
        BigDecimal v = new BigDecimal(Double.toString(d)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : "," + plain.substring(dot + 1);
        return group(whole, v.signum() < 0) + fraction;
    }

    public static String percent(double d) {
        return decimal(d) + "%";
    }

    /** Null when there is no figure: the template then prints its own no-data wording. */
    public static String percent(Figure f) {
        return f instanceof Figure.Value v ? percent(v.value()) : null;
    }

    public static String decimal(Figure f) {
        return f instanceof Figure.Value v ? decimal(v.value()) : null;
    }

    public static String date(LocalDate d) {
        return d.format(DATE);
    }

    private static String group(String digits, boolean negative) {
        StringBuilder b = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                b.append('.');
            }
            b.append(digits.charAt(i));
        }
        return (negative ? "-" : "") + b;
    }
}
