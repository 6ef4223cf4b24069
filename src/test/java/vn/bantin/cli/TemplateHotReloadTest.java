package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.report.TemplatesCopy;
import vn.bantin.store.Database;
import vn.bantin.store.RunRow;
import vn.bantin.store.RunStore;

/**
 * Hot reload: a running {@code serve} (a JVM of its own) makes the next bulletin from the templates as they are on
 * disk, with no restart. A sentence changed in the label file and a title changed in the JRXML both reach the PDF of
 * the next triggered run, and each run records the content hash of the templates it used: only the edited ones
 * change.
 */
class TemplateHotReloadTest {
    private static final String PDF = "out/2022-12/tinh/ban-tin-2022-12-tinh.pdf";
    private static final String OLD_SENTENCE = "Ghi chú về nguồn số liệu";
    private static final String NEW_SENTENCE = "Nguồn số liệu và chất lượng dữ liệu";
    private static final String NEW_TITLE = "BÁO CÁO (BẢN SỬA)";

    @TempDir
    Path tmp;

    @Test
    void aRunningServiceUsesTheEditedTemplatesOnItsNextRun() throws Exception {
        Path templates = TemplatesCopy.into(tmp.resolve("templates"));
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\ntemplates.dir=" + templates + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                + "\n" + vn.bantin.store.TestStores.properties(tmp.resolve("var")), StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n"
                + ",Chủ tịch UBND tỉnh,chutich@bacninh.gov.vn,province\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("schedules.properties"), "time-zone=Asia/Ho_Chi_Minh\npoll-seconds=1\n"
                + "checkin-seconds=1\n", StandardCharsets.UTF_8);

        try (ServeProcess serve = ServeProcess.start(config, tmp.resolve("serve.log"))) {
            serve.await("serve to check in", () -> serve.log().contains("serving;"));
            trigger();
            serve.await("the first bulletin", () -> Files.exists(tmp.resolve(PDF)));
            String before = text(tmp.resolve(PDF));
            assertTrue(before.contains(OLD_SENTENCE) && !before.contains(NEW_TITLE), before);

            // The officer edits a sentence of the label file and the title in the JRXML, while serve runs.
            Path labels = templates.resolve("labels/bulletin_vi.properties");
            Files.writeString(labels, Files.readString(labels).replace("quality.heading = " + OLD_SENTENCE,
                    "quality.heading = " + NEW_SENTENCE), StandardCharsets.UTF_8);
            Path province = templates.resolve("province.jrxml");
            Files.writeString(province, Files.readString(province).replaceFirst("\\$R\\{doctype\\.BC\\}",
                    "\"" + NEW_TITLE + "\""), StandardCharsets.UTF_8);
            Files.delete(tmp.resolve(PDF));

            trigger();
            serve.await("the second bulletin", () -> Files.exists(tmp.resolve(PDF)));
            String after = text(tmp.resolve(PDF));
            assertTrue(after.contains(NEW_SENTENCE) && after.contains(NEW_TITLE), after);
            assertFalse(after.contains(OLD_SENTENCE), after);
            assertEquals(1, serve.log().split("serving;", -1).length - 1, "served throughout, never restarted");
        }

        try (Database db = vn.bantin.store.TestStores.open(tmp.resolve("var"))) {
            List<RunRow> runs = new RunStore(db.dataSource(), Clock.systemUTC()).recent(10);
            assertEquals(2, runs.size(), runs.toString());
            Map<String, String> second = runs.get(0).templateHashes();
            Map<String, String> first = runs.get(1).templateHashes();
            assertNotEquals(first.get("province.jrxml"), second.get("province.jrxml"));
            assertNotEquals(first.get("labels/bulletin_vi.properties"), second.get("labels/bulletin_vi.properties"));
            assertEquals(first.get("workbook/01-summary.jrxml"), second.get("workbook/01-summary.jrxml"));
            assertEquals(first.get("styles.jrtx"), second.get("styles.jrtx"));
            assertTrue(first.get("workbook/01-summary.jrxml").matches("[0-9a-f]{64}"), first.toString());
        }
    }

    private void trigger() {
        CliRun r = CliRun.of("trigger", "--bulletin", "province", "--period", "2022-12", "--config",
                tmp.resolve("config").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
