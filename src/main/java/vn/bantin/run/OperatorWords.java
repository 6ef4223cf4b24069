package vn.bantin.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import vn.bantin.config.Settings;
import vn.bantin.report.ReportException;

/**
 * The words of run-summary.txt and of the administrator's emails, in the configured {@code language}, from
 * {@code templates/labels/operator_<language>.properties}: the operator reads the language the bulletins speak.
 */
final class OperatorWords {
    private final Path file;
    private final Properties words = new Properties();

    private OperatorWords(Path file) {
        this.file = file;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            words.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReportException(file + ": cannot be read (" + e.getMessage() + "); it holds the words of"
                    + " run-summary.txt and of the administrator's emails for language '" + languageOf(file) + "'");
        }
    }

    static Path file(Path templatesDir, String language) {
        return templatesDir.resolve("labels").resolve("operator_" + language + ".properties");
    }

    static OperatorWords of(Settings settings) {
        return new OperatorWords(file(settings.templatesDir(), settings.language()));
    }

    /** The pattern of {@code key} filled with {@code args} (give numbers as text, so that none is regrouped). */
    String format(String key, Object... args) {
        String pattern = words.getProperty(key);
        if (pattern == null) {
            throw new ReportException(file + ": no '" + key + "' line; add it (see operator_en.properties)");
        }
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    private static String languageOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring("operator_".length(), name.length() - ".properties".length());
    }
}
