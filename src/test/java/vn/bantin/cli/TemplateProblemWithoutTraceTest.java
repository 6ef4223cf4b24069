package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.report.TemplatesCopy;
import vn.bantin.store.TestStores;

/**
 * A template problem is one sentence at its place, never followed by a stack trace. Jasper fills a table on a thread
 * of its own, whose failure JasperReports logged with its trace before handing it back. Run as the jar runs, in a JVM
 * of its own with the product's logging configuration (the tests' own would hide what a user sees).
 */
class TemplateProblemWithoutTraceTest {
    @TempDir
    Path tmp;

    @Test
    void anExpressionFailingInsideATableIsOneLineAtItsPlace() throws Exception {
        Path templates = TemplatesCopy.into(tmp.resolve("templates"));
        Path province = templates.resolve("province.jrxml");
        String xml = Files.readString(province, StandardCharsets.UTF_8);
        String declared = "<field name=\"incoming\" class=\"java.lang.Number\"/>";
        Files.writeString(province, xml.replaceFirst(declared, declared.replace("Number", "Integer")), StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(province, StandardCharsets.UTF_8);
        int used = lines.indexOf(lines.stream().filter(l -> l.contains("$F{incoming}")).findFirst().orElseThrow()) + 1;
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\ntemplates.dir=" + templates + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                + "\n" + TestStores.properties(tmp.resolve("var")), StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));

        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                "vn.bantin.cli.Main", "run", "--period", "2022-12", "--bulletin", "province", "--config", config.toString())
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the run ends");
        String err = read(tmp.resolve("err.txt"));
        assertEquals(2, child.exitValue(), err);
        assertTrue(err.contains(province + ":" + used + ": the expression cannot be filled: Cannot cast java.lang.Long to"
                + " java.lang.Integer, in: $F{incoming}"), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
