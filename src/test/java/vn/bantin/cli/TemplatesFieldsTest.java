package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.bantin.report.BulletinFields;
import vn.bantin.report.FieldCatalogue;
import vn.bantin.report.FieldsMarkdown;
import vn.bantin.report.TemplateField;

/** {@code templates fields} prints the catalogue for the template editors; templates/PARAMETERS.md is its output. */
class TemplatesFieldsTest {

    @Test
    void printsEveryParameterAndRowFieldOfBothBulletins() {
        CliRun r = CliRun.of("templates", "fields");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\n# Province bulletin\n"), r.out());
        assertTrue(r.out().contains("\n# Unit bulletin\n"), r.out());
        for (BulletinFields b : FieldCatalogue.ALL) {
            for (TemplateField p : b.parameters()) {
                assertTrue(r.out().contains("| `" + p.name() + "` | " + p.type().label() + " | "), b.name() + " " + p.name());
                for (TemplateField f : p.rowFields()) {
                    assertTrue(r.out().contains("| `" + f.name() + "` | " + f.type().label() + " | "), p.name() + "." + f.name());
                }
            }
        }
        assertTrue(r.out().contains("| `edocZeroNames` | String | yes: no unit is at 0% | units at 0% with documents"), r.out());
        assertTrue(r.out().contains("\n### Rows of `edocUnits`\n"), r.out());
        assertTrue(r.out().contains("Used by `unit.jrxml` and `unit-workbook/*.jrxml`"), r.out());
        assertTrue(r.out().contains("`REPORT_RESOURCE_BUNDLE`"), "says how the labels arrive");
    }

    @Test
    void bulletinPrintsThatBulletinOnly() {
        CliRun r = CliRun.of("templates", "fields", "--bulletin", "unit");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("# The parameters and fields a template can use\n"), "the conventions first");
        assertTrue(r.out().contains("\n### Rows of `unitFigures`\n"), r.out());
        assertFalse(r.out().contains("# Province bulletin"), r.out());
        assertFalse(r.out().contains("edocUnits`"), r.out());
    }

    @Test
    void anUnknownBulletinIsRefused() {
        CliRun r = CliRun.of("templates", "fields", "--bulletin", "district");
        assertEquals(2, r.exitCode());
        assertEquals("error: --bulletin district is not known; use province or unit", r.err().strip());
    }

    @Test
    void parametersMdIsWhatTheCommandPrints() throws IOException {
        String printed = CliRun.of("templates", "fields").out();
        String file = Files.readString(Path.of("templates/PARAMETERS.md"), StandardCharsets.UTF_8);
        if (!printed.equals(file)) {
            List<String> want = printed.lines().toList();
            List<String> have = file.lines().toList();
            int line = 0;
            while (line < Math.min(want.size(), have.size()) && want.get(line).equals(have.get(line))) {
                line++;
            }
            fail("templates/PARAMETERS.md differs from what `templates fields` prints, first at line " + (line + 1)
                    + " (the file has \"" + (line < have.size() ? have.get(line) : "") + "\"). The file is generated:"
                    + " regenerate it with\n    " + FieldsMarkdown.REGENERATE + "\n(after mvn package -DskipTests, so that"
                    + " the jar has the catalogue as it is now)");
        }
    }
}
