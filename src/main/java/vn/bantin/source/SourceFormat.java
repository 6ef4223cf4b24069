package vn.bantin.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one platform's export is written, from config: its file (CSV or .xlsx), encoding, separator, sheet and
 * header row, the export's own names for contract columns, its own words for contract values, and the share
 * of rejected rows above which no bulletin is made from it.
 *
 * @param columnNames contract column → the export's header names for it (besides the contract name itself)
 * @param valueWords  contract column → (export word, compared as {@link Cells#word} → contract word)
 */
public record SourceFormat(String fileName, Charset encoding, char separator, String sheet, int headerRow,
                           Map<String, List<String>> columnNames, Map<String, Map<String, String>> valueWords,
                           double maxRejectPercent) {

    public static final double DEFAULT_MAX_REJECT_PERCENT = 1.0;

    public static SourceFormat defaults(SourceFile file) {
        return new SourceFormat(file.fileName(), StandardCharsets.UTF_8, ',', null, 1, Map.of(), Map.of(),
                DEFAULT_MAX_REJECT_PERCENT);
    }

    public boolean isWorkbook() {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** How an export's word is compared: lower case, without diacritics, single spaces ({@code Đã xử lý} = {@code da xu ly}). */
    public static String wordKey(String word) {
        return Cells.word(word.strip());
    }

    /** The contract word for an export's value of a column, or the value itself when none is configured. */
    String translate(String column, String value) {
        Map<String, String> words = valueWords.get(column);
        if (words == null || value == null) {
            return value;
        }
        return words.getOrDefault(Cells.word(value), value);
    }
}
