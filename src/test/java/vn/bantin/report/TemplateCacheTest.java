package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.JasperReport;

class TemplateCacheTest {

    static final Path SMALL = Path.of("src/test/resources/report/small-sheet.jrxml");

    @TempDir
    Path dir;

    @Test
    void compilesAnUnchangedTemplateOnce() throws IOException {
        Path template = Files.copy(SMALL, dir.resolve("sheet.jrxml"));
        TemplateCache cache = new TemplateCache();

        JasperReport first = cache.get(template);
        JasperReport second = cache.get(template);

        assertSame(first, second);
        assertEquals(1, cache.compilations());
    }

    @Test
    void recompilesAfterTheFileChanges() throws IOException {
        Path template = Files.copy(SMALL, dir.resolve("sheet.jrxml"));
        TemplateCache cache = new TemplateCache();
        JasperReport before = cache.get(template);
        String hashBefore = cache.hashOf(template);

        String edited = Files.readString(template).replace("height=\"20\" fontName", "height=\"20\" fontSize=\"14.0\" fontName");
        Files.writeString(template, edited);
        JasperReport after = cache.get(template);
        String hashAfter = cache.hashOf(template);

        assertNotSame(before, after);
        assertEquals(2, cache.compilations());
        assertNotEquals(hashBefore, hashAfter);
        assertEquals(TemplateCache.sha256(Files.readAllBytes(template)), hashAfter);
        assertSame(after, cache.get(template), "and the edited one is cached in turn");
        assertEquals(2, cache.compilations());
    }

    /** A later process loads what an earlier one compiled; an edited template or another JasperReports compiles again. */
    @Test
    void keptCompilationsServeLaterProcessesUntilTheSourceOrJasperReportsChanges() throws IOException {
        Path template = Files.copy(SMALL, dir.resolve("sheet.jrxml"));
        Path kept = dir.resolve("var/compiled-templates");
        TemplateCache first = new TemplateCache(kept, "7.0.8");
        first.get(template);
        assertEquals(1, first.compilations());
        String hash = first.hashOf(template);
        assertTrue(Files.isRegularFile(kept.resolve(hash + ".7.0.8.jasper")));

        TemplateCache second = new TemplateCache(kept, "7.0.8");
        JasperReport loaded = second.get(template);
        assertEquals(0, second.compilations(), "loaded from the folder, not compiled");
        assertEquals("small-sheet", loaded.getName());

        Files.writeString(template, Files.readString(template).replace("height=\"20\" fontName",
                "height=\"20\" fontSize=\"14.0\" fontName"));
        TemplateCache edited = new TemplateCache(kept, "7.0.8");
        edited.get(template);
        assertEquals(1, edited.compilations(), "the edited source is compiled, not served from the old file");

        TemplateCache upgraded = new TemplateCache(kept, "7.1.0");
        upgraded.get(template);
        assertEquals(1, upgraded.compilations(), "another JasperReports version compiles again");
        String editedHash = upgraded.hashOf(template);
        assertTrue(Files.isRegularFile(kept.resolve(editedHash + ".7.1.0.jasper")));
        assertFalse(Files.exists(kept.resolve(editedHash + ".7.0.8.jasper")), "the other version's file is discarded");

        Files.writeString(kept.resolve(editedHash + ".7.1.0.jasper"), "not a compiled report");
        TemplateCache damaged = new TemplateCache(kept, "7.1.0");
        damaged.get(template);
        assertEquals(1, damaged.compilations(), "a file that does not load is compiled again");
    }

    @Test
    void theJasperReportsVersionIsKnown() {
        assertTrue(TemplateCache.jasperVersion().startsWith("7."), TemplateCache.jasperVersion());
    }

    @Test
    void exposesTheContentHashOfEachTemplateUsed() throws IOException {
        Path a = Files.copy(SMALL, dir.resolve("a.jrxml"));
        Path b = Files.writeString(dir.resolve("b.jrxml"), Files.readString(SMALL).replace("small-sheet", "other"));
        TemplateCache cache = new TemplateCache();
        cache.get(a);
        cache.get(b);

        assertTrue(cache.hashOf(a).matches("[0-9a-f]{64}"), cache.hashOf(a));
        assertTrue(cache.hashOf(b).matches("[0-9a-f]{64}"), cache.hashOf(b));
        assertNotEquals(cache.hashOf(a), cache.hashOf(b));
    }

    @Test
    void aTemplateThatDoesNotCompileIsNamedWithTheCompilersMessage() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.jrxml"),
                Files.readString(SMALL).replace("$P{greeting}", "$P{greeting}.noSuchMethod()"), StandardCharsets.UTF_8);

        ReportException e = assertThrows(ReportException.class, () -> new TemplateCache().get(broken));

        int line = Files.readAllLines(broken).stream().map(l -> l.contains("noSuchMethod")).toList().indexOf(true) + 1;
        assertEquals(broken + ":" + line + ": the expression does not compile: The method noSuchMethod() is undefined for the"
                + " type String, in: $P{greeting}.noSuchMethod()", e.getMessage(), "its line, as the editor wrote it");
    }

    @Test
    void aTemplateThatIsNotWellFormedXmlSaysWhere() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.jrxml"), Files.readString(SMALL).replace("</title>", "</titel>"));

        ReportException e = assertThrows(ReportException.class, () -> new TemplateCache().get(broken));

        assertTrue(e.getMessage().startsWith("Template " + broken + ": is not well-formed XML: line 10, column"), e.getMessage());
    }

    @Test
    void aMissingTemplateIsNamed() {
        Path missing = dir.resolve("nope.jrxml");
        ReportException e = assertThrows(ReportException.class, () -> new TemplateCache().get(missing));
        assertEquals("Template " + missing + " not found.", e.getMessage());
    }
}
