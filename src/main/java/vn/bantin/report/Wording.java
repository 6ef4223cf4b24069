package vn.bantin.report;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The label file's words and sentence patterns, for the few texts the program fills in itself. */
final class Wording {
    private final ResourceBundle labels;

    Wording(ResourceBundle labels) {
        this.labels = labels;
    }

    String label(String key) {
        try {
            return labels.getString(key);
        } catch (MissingResourceException e) {
            throw new ReportException("the label file has no '" + key + "' line; add it to templates/labels/bulletin_<lang>.properties");
        }
    }

    /** A {@link MessageFormat} pattern of the label file filled with {@code args}. */
    String format(String key, Object... args) {
        return new MessageFormat(label(key), Locale.ROOT).format(args);
    }

    /**
     * A locality's people's committee named as the place it governs: "UBND huyện Thuận Thành" becomes "huyện Thuận
     * Thành" (label {@code place.bodyPrefix}), as the 2022 summary writes "UBND xã Ninh Xá, huyện Thuận Thành" and
     * "thành phố Bắc Ninh tiếp nhận…". A name without the prefix (a department) is kept as it is.
     */
    String place(String unitName) {
        String prefix = label("place.bodyPrefix");
        return !prefix.isBlank() && unitName.regionMatches(true, 0, prefix, 0, prefix.length())
                && unitName.length() > prefix.length() ? unitName.substring(prefix.length()).strip() : unitName;
    }

    /** Names of a tie or a short enumeration: "a, b và c" (labels {@code list.tieSeparator}, {@code list.tieLast}). */
    String tied(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? null : names.get(0);
        }
        return String.join(label("list.tieSeparator"), names.subList(0, names.size() - 1)) + label("list.tieLast")
                + names.get(names.size() - 1);
    }

    /** The items of a {@code ;}-separated label, trimmed, blanks dropped (an empty label is an empty list). */
    List<String> items(String key) {
        return Arrays.stream(label(key).split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
