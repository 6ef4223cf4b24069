package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit bulletins rendered on two threads are the very bulletins one thread makes: same files, text and cells. */
class ParallelRenderTest {
    @TempDir
    Path tmp;

    @Test
    void twoThreadsMakeWhatOneThreadMakes() throws IOException {
        Path one = run(1);
        Path two = run(2);
        List<Path> files = files(one);
        assertEquals(files, files(two), "the same files");
        assertTrue(files.stream().filter(f -> f.toString().endsWith(".pdf")).count() >= 13, files.toString());
        for (Path f : files) {
            String name = f.toString();
            if (name.endsWith(".pdf")) {
                assertEquals(pdfText(one.resolve(f)), pdfText(two.resolve(f)), name);
            } else if (name.endsWith(".xlsx")) {
                assertEquals(cells(one.resolve(f)), cells(two.resolve(f)), name);
            } else if (name.endsWith(".csv")) {
                assertEquals(Files.readString(one.resolve(f)), Files.readString(two.resolve(f)), name);
            }
        }
    }

    /** The sample's December for the province and a dozen units, with {@code render.threads} set. */
    private Path run(int threads) throws IOException {
        Path dir = tmp.resolve("threads-" + threads);
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nrender.threads=" + threads + "\n");
        List<String> recipients = Files.readAllLines(Path.of("config/recipients.csv"));
        Files.write(config.resolve("recipients.csv"), recipients.subList(0, 18));
        CliRun r = CliRun.of("run", "--period", "2022-12", "--data", SampleData.SAMPLE.toString(), "--config",
                config.toString(), "--store", CliRun.store(dir), "--out", dir.resolve("out").toString(),
                "--outbox", dir.resolve("outbox").toString());
        assertEquals(0, r.exitCode(), r.err());
        return dir.resolve("out/2022-12");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            // The one thing that differs between two runs: the minute the exports were read, printed on the bulletin.
            String text = new PDFTextStripper().getText(d).replaceAll("lúc \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d", "lúc …");
            return d.getNumberOfPages() + " pages\n" + text;
        }
    }

    private static List<String> cells(Path xlsx) throws IOException {
        List<String> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + cell.getCellType() + " " + cell
                                + " " + cell.getCellStyle().getDataFormatString());
                    }
                }
            }
        }
        return cells;
    }
}
