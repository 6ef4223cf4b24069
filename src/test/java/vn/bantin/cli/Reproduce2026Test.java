package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's 2026 run (Decision 766 scores, official scores, unit changes) made again with {@code run --reproduce}:
 * the province bulletin, two unit bulletins (a merged commune among them) and indicators.csv are those of the run; once
 * the working-day calendar the run read is edited, the run is no longer made again.
 */
class Reproduce2026Test {
    private static final Path DATA = Path.of("data/sample/2026");
    /** Merged from older communes (unit-changes.csv), so its bulletin says which ones its year-earlier figures come from. */
    private static final String COMMUNE = "X-SONDONG";

    @TempDir
    Path tmp;

    @Test
    void aReproduced2026RunHasThe766SectionAndFiguresOfTheRunThatWasSent() throws IOException {
        Path config = tmp.resolve("config");
        Files.createDirectories(config);
        Files.copy(Path.of("config/2026/schedules.properties"), config.resolve("schedules.properties"));
        // The calendar is a copy, so that the test can announce a day off after the run.
        Path holidays = Files.copy(Path.of("config/holidays.csv"), tmp.resolve("holidays.csv"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/2026/bantin.properties"))
                .replace("holidays.file=config/holidays.csv", "holidays.file=" + holidays), StandardCharsets.UTF_8);
        // The province's recipients and two units' (a department and a merged commune): enough, and quick to render.
        List<String> recipients = Files.readAllLines(Path.of("config/2026/recipients.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains(",unit") || l.startsWith("SNV,") || l.startsWith(COMMUNE + ",")).toList();
        Files.write(config.resolve("recipients.csv"), recipients, StandardCharsets.UTF_8);
        String store = CliRun.store(tmp);

        CliRun run = CliRun.of("run", "--period", "2026-Q1", "--data", DATA.toString(), "--config", config.toString(),
                "--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString(), "--store", store);
        assertEquals(0, run.exitCode(), run.toString());
        CliRun history = CliRun.of("history", "--config", config.toString(), "--store", store);
        Matcher id = Pattern.compile("#(\\d+)").matcher(history.out());
        assertTrue(id.find(), history.toString());

        Path again = tmp.resolve("again");
        CliRun made = CliRun.of("run", "--reproduce", id.group(1), "--to", again.toString(), "--data", DATA.toString(),
                "--config", config.toString(), "--store", store);
        assertEquals(0, made.exitCode(), made.toString());

        Path sent = tmp.resolve("out/2026-Q1");
        String province = text(sent.resolve("tinh/ban-tin-2026-Q1-tinh.pdf"));
        assertTrue(province.contains("Quyết định số 766/QĐ-TTg"), "the run's bulletin has the 766 section");
        assertEquals(province, text(again.resolve("tinh/ban-tin-2026-Q1-tinh.pdf")), "the province bulletin");
        for (String unit : List.of("SNV", COMMUNE)) {
            String stem = "don-vi/ban-tin-2026-Q1-" + vn.bantin.delivery.FileNames.of(unit) + ".pdf";
            assertEquals(text(sent.resolve(stem)), text(again.resolve(stem)), unit + "'s bulletin");
        }
        assertTrue(text(sent.resolve("don-vi/ban-tin-2026-Q1-" + vn.bantin.delivery.FileNames.of(COMMUNE) + ".pdf"))
                .replaceAll("\\s+", " ").contains("năm trước gộp từ"), "the merged commune's bulletin names the communes it was made from");
        assertEquals(Files.readString(sent.resolve("indicators.csv")), Files.readString(again.resolve("indicators.csv")),
                "indicators.csv, the 766 rows included");

        // A day off added to the calendar since moves the due dates: the run cannot be made again as it was.
        Files.writeString(holidays, "2026-03-13,Nghỉ bù (thử)\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        CliRun refused = CliRun.of("run", "--reproduce", id.group(1), "--to", tmp.resolve("refused").toString(),
                "--data", DATA.toString(), "--config", config.toString(), "--store", store);
        assertEquals(2, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("since then " + holidays + " changed"), refused.toString());
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
