package vn.bantin.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The wording of the bulletins: {@code <templates>/labels/bulletin_<lang>.properties}, read as UTF-8
 * (ResourceBundle.getBundle would read it from the class path and, before Java 9, as Latin-1; the
 * officer edits it beside the templates).
 */
public final class Labels {

    private Labels() {
    }

    public static Path file(Path templatesDir, String lang) {
        return templatesDir.resolve("labels").resolve("bulletin_" + lang + ".properties");
    }

    public static ResourceBundle load(Path templatesDir, String lang) {
        Path file = file(templatesDir, lang);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new PropertyResourceBundle(in);
        } catch (NoSuchFileException e) {
            throw new ReportException("Label file " + file + " not found: the bulletin wording for language '"
                    + lang + "' must be in that file (UTF-8 key = value lines).", e);
        } catch (CharacterCodingException e) {
            throw new ReportException("Label file " + file + " is not valid UTF-8: save it as UTF-8.", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReportException("Label file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The line of {@code key} in the label file, for a message an editor can jump to; -1 when it has none. */
    public static int lineOf(Path file, String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return -1;
        }
        boolean continued = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            boolean comment = line.isEmpty() || line.startsWith("#") || line.startsWith("!");
            boolean wasContinued = continued;
            continued = !(comment && !wasContinued) && endsWithOddBackslashes(line);
            if (wasContinued || comment) {
                continue;
            }
            int end = 0;
            while (end < line.length() && "=: \t".indexOf(line.charAt(end)) < 0) {
                end += line.charAt(end) == '\\' ? 2 : 1;
            }
            if (line.substring(0, Math.min(end, line.length())).equals(key)) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Why a label cannot be a sentence pattern ({@code msg($R{key}, ...)} reads it as a {@link MessageFormat}), or
     * null when it can.
     */
    public static String patternProblem(String value) {
        try {
            new MessageFormat(value, Locale.ROOT);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage().replaceAll("\\.$", "") + "; write the figures as {0}, {1}…, each { with its }, and a ' as ''";
        }
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
