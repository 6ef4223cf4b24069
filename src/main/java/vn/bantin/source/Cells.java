package vn.bantin.source;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.DateTimeException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The contract's cell rules: dates in two forms, boolean words, NFC text. */
final class Cells {
    private static final DateTimeFormatter ISO_DATE = strict("uuuu-MM-dd");
    private static final DateTimeFormatter VN_DATE = strict("dd/MM/uuuu");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            strict("uuuu-MM-dd'T'HH:mm[:ss]"), strict("uuuu-MM-dd HH:mm[:ss]"), strict("dd/MM/uuuu HH:mm[:ss]"));

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

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
        return isNfc(t) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    /** Every character below U+0300 is NFC and starts no composition, so most cells need no Normalizer call. */
    private static boolean isNfc(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= '\u0300') {
                return Normalizer.isNormalized(t, Normalizer.Form.NFC);
            }
        }
        return true;
    }

    /** Lower case without diacritics, for matching words such as {@code Đã xử lý} or {@code có}. */
    static String word(String text) {
        if (isPlainAscii(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return SPACES.matcher(MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("")).replaceAll(" ");
    }

    /** ASCII with no run of white space other than one ' ': what {@link #word} would only lower-case. */
    private static boolean isPlainAscii(String text) {
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' && space) {
                return false;
            }
            space = c == ' ';
        }
        return true;
    }

    /** A date, or the date part of a date-time read as local time in {@code zone}. */
    static LocalDate date(String column, String value, ZoneId zone) throws BadCell {
        LocalDate quick = quickDate(value);
        if (quick != null) {
            return quick;
        }
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

    /**
     * The common forms read without a formatter: yyyy-MM-dd or dd/MM/yyyy, alone or followed by 'T' or ' ' and
     * HH:mm[:ss]; null for anything else, or anything invalid, which the formatters then read or refuse.
     */
    static LocalDate quickDate(String v) {
        int n = v.length();
        if (n != 10 && n != 16 && n != 19) {
            return null;
        }
        int year;
        int month;
        int day;
        if (v.charAt(2) == '/') {
            if (v.charAt(5) != '/') {
                return null;
            }
            day = digits(v, 0, 2);
            month = digits(v, 3, 5);
            year = digits(v, 6, 10);
        } else {
            if (v.charAt(4) != '-' || v.charAt(7) != '-') {
                return null;
            }
            year = digits(v, 0, 4);
            month = digits(v, 5, 7);
            day = digits(v, 8, 10);
        }
        if (year < 0 || month < 0 || day < 0 || n > 10 && !validTime(v, v.charAt(2) == '/')) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean validTime(String v, boolean vietnamese) {
        char sep = v.charAt(10);
        if (!(sep == ' ' || sep == 'T' && !vietnamese) || v.charAt(13) != ':') {
            return false;
        }
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return false;
        }
        if (v.length() == 16) {
            return true;
        }
        int second = digits(v, 17, 19);
        return v.charAt(16) == ':' && second >= 0 && second <= 59;
    }

    /** The ASCII digits from..to as a number; -1 when any is not a digit. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
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
