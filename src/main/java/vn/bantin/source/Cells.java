package vn.bantin.source;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/** The contract's cell rules: dates in two forms, boolean words, NFC text. */
final class Cells {
    private static final DateTimeFormatter ISO_DATE = strict("uuuu-MM-dd");
    private static final DateTimeFormatter VN_DATE = strict("dd/MM/uuuu");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            strict("uuuu-MM-dd'T'HH:mm[:ss]"), strict("uuuu-MM-dd HH:mm[:ss]"), strict("dd/MM/uuuu HH:mm[:ss]"));

    private Cells() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Trimmed, NFC-normalised text; null when the cell is empty. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        if (t.isEmpty()) {
            return null;
        }
        return Normalizer.isNormalized(t, Normalizer.Form.NFC) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    /** Lower case without diacritics, for matching words such as {@code Đã xử lý} or {@code có}. */
    static String word(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
    }

    /** A date, or the date part of a date-time read as local time in {@code zone}. */
    static LocalDate date(String column, String value, ZoneId zone) throws BadCell {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value, value.charAt(2) == '/' ? VN_DATE : ISO_DATE);
            }
            for (DateTimeFormatter f : DATE_TIMES) {
                try {
                    return LocalDateTime.parse(value, f).toLocalDate();
                } catch (DateTimeParseException ignored) {
                    // try the next form
                }
            }
            return OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new BadCell(column, value, "not a valid date: expected yyyy-MM-dd or dd/MM/yyyy (a time may follow)");
        }
    }

    /** A 766 count: digits only; empty or absent reads as 0. */
    static int count(String column, String value) throws BadCell {
        if (value == null) {
            return 0;
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw new BadCell(column, value, "not a count: expected a whole number 0 or more, digits only");
        }
        return Integer.parseInt(value);
    }

    /**
     * {@code fee_due}: a yes/no word, or an amount (digits with '.', ',' or spaces between them) that is true when any
     * digit 1–9 appears; empty or absent reads as false.
     */
    static boolean amount(String column, String value) throws BadCell {
        if (value == null) {
            return false;
        }
        if (value.matches("[0-9]+([., ][0-9]+)*")) {
            return value.matches(".*[1-9].*");
        }
        try {
            return bool(column, value);
        } catch (BadCell e) {
            throw new BadCell(column, value, "not a fee: expected yes/no, or an amount such as 150.000 or 25000");
        }
    }

    static boolean bool(String column, String value) throws BadCell {
        return switch (word(value)) {
            case "true", "1", "yes", "y", "co" -> true;
            case "false", "0", "no", "n", "khong" -> false;
            default -> throw new BadCell(column, value, "not a yes/no value: expected true/false, 1/0, yes/no, y/n or có/không");
        };
    }
}
