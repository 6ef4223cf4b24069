package vn.bantin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast paths of the cell rules read every value as the formatters and regular expressions did. */
class CellsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void datesReadAsTheFormattersReadThem() {
        List<String> values = new ArrayList<>(List.of("2022-01-01", "01/01/2022", "2022-02-29", "29/02/2024",
                "2022-13-01", "2022-00-10", "31/04/2022", "0000-01-01", "2022-1-01", "2022/01/01", "01-01-2022",
                "2022-01-01T10:00", "2022-01-01 23:59:59", "2022-01-01T24:00", "2022-01-01 10:60", "01/01/2022 10:00",
                "01/01/2022T10:00", "01/01/2022 10:00:61", "2022-01-01T10:00+07", "2022-01-01T10:00:00+07:00",
                "2022-01-01T23:30:00Z", "2022-01-01 10:00:0x", "2022-01-01x10:00", "+202-01-01", "2022-01-01 1:00:00",
                "２０２２-01-01", "2022-01-01T10:00:00", "2022-01-01 10:00;00"));
        Random random = new Random(3);
        String alphabet = "0123456789-/: T";
        for (int i = 0; i < 100_000; i++) {
            char[] c = (random.nextBoolean() ? "2022-12-31 23:59:59" : "31/12/2022 23:59:59").toCharArray();
            int len = new int[] {10, 16, 19}[random.nextInt(3)];
            for (int k = random.nextInt(3); k > 0; k--) {
                c[random.nextInt(len)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            values.add(new String(c, 0, len));
        }
        for (String v : values) {
            assertEquals(byFormatters(v), readOrRefusal(v), v);
        }
    }

    @Test
    void wordsAsTheRegularExpressionsMadeThem() {
        for (String v : List.of("Đã xử lý", "TRUE", "Có", "không", "in  out", "a\tb", " x", "mot phan", "Toàn trình",
                "Y", "1", "buu chinh  cong ich", "e\u0301", "x\u00a0y")) {
            String lower = v.toLowerCase(Locale.ROOT).replace('đ', 'd');
            String old = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
            assertEquals(old, Cells.word(v), v);
        }
    }

    @Test
    void textIsNfc() {
        for (String v : List.of("Đã xử lý", "e\u0301", "abc", " Cấp ", "ǅ", "\u0300a", "A\u030A")) {
            String t = v.strip();
            assertEquals(Normalizer.normalize(t, Normalizer.Form.NFC), Cells.text(v), v);
        }
    }

    private static String readOrRefusal(String v) {
        try {
            return Cells.date("date", v, ZONE).toString();
        } catch (BadCell e) {
            return "refused";
        }
    }

    /** The rules as they were, with formatters only. */
    private static String byFormatters(String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value, strict(value.charAt(2) == '/' ? "dd/MM/uuuu" : "uuuu-MM-dd")).toString();
            }
            for (String p : List.of("uuuu-MM-dd'T'HH:mm[:ss]", "uuuu-MM-dd HH:mm[:ss]", "dd/MM/uuuu HH:mm[:ss]")) {
                try {
                    return LocalDateTime.parse(value, strict(p)).toLocalDate().toString();
                } catch (DateTimeParseException ignored) {
                    // the next form
                }
            }
            return OffsetDateTime.parse(value).atZoneSameInstant(ZONE).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
