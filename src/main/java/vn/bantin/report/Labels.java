package vn.bantin.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
}
