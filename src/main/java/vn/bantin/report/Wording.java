package vn.bantin.report;

import java.text.MessageFormat;
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
}
