package vn.bantin.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The console's words, from {@code templates/labels/console_<language>.properties} (UTF-8, MessageFormat patterns),
 * read once at start. Vietnamese is the default; English is the other set. A key missing from a set is shown as
 * the key itself in brackets, never as an empty space; a test keeps both sets complete.
 */
public final class ConsoleLabels {
    public static final String DEFAULT = "vi";
    private final Map<String, Properties> byLanguage;

    private ConsoleLabels(Map<String, Properties> byLanguage) {
        this.byLanguage = byLanguage;
    }

    public static ConsoleLabels load(Path templatesDir) {
        return new ConsoleLabels(Map.of("vi", read(templatesDir, "vi"), "en", read(templatesDir, "en")));
    }

    static Properties read(Path templatesDir, String language) {
        Path file = templatesDir.resolve("labels").resolve("console_" + language + ".properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": the console's words cannot be read (" + e.getMessage()
                    + "); it ships with bantin under templates/labels/", e);
        }
        return p;
    }

    public static String language(String asked) {
        return "en".equals(asked) ? "en" : DEFAULT;
    }

    public String get(String language, String key, Object... args) {
        String pattern = byLanguage.get(language(language)).getProperty(key);
        if (pattern == null) {
            return "[" + key + "]";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
    }

    /** Whether the set has the key (for optional words, such as an indicator's name). */
    public boolean has(String language, String key) {
        return byLanguage.get(language(language)).containsKey(key);
    }

    Properties set(String language) {
        return byLanguage.get(language(language));
    }
}
