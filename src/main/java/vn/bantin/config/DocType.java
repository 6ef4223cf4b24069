package vn.bantin.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of administrative document a bulletin is issued as (Decree 30/2020, Appendix III): its name as config
 * writes it and the abbreviation its number carries ("Số: 12/BC-SKHCN").
 */
public enum DocType {
    REPORT("BÁO CÁO", "BC"),
    NOTICE("THÔNG BÁO", "TB"),
    BULLETIN("BẢN TIN", "BT");

    private final String words;
    private final String abbreviation;

    DocType(String words, String abbreviation) {
        this.words = words;
        this.abbreviation = abbreviation;
    }

    public String words() {
        return words;
    }

    public String abbreviation() {
        return abbreviation;
    }

    /** The type config names, in any case and spacing of its words. */
    public static Optional<DocType> parse(String text) {
        String wanted = text.strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.forLanguageTag("vi"));
        return Arrays.stream(values()).filter(t -> t.words.equals(wanted)).findFirst();
    }
}
