package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports as real platforms make them: broken rows, hostile text, unknown codes; through the CLI. */
class RealExportsRunTest {
    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String FEEDBACK_ROW = "%s,2022-06-%02d,TP-BN,SXD,%s,processed,2022-06-28,4\n";

    @TempDir
    Path tmp;

    private CliRun run(Path data, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--data", data.toString()));
        if (command[0].equals("run")) {
            args.addAll(List.of("--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString(),
                    "--store", CliRun.store(tmp)));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Makes every n-th feedback row unreadable (a rating of 9), returning how many rows were broken. */
    private static int breakFeedback(Path data, int every) throws IOException {
        Path f = data.resolve("feedback.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
        int broken = 0;
        for (int i = 1; i < lines.size(); i += every) {
            String line = lines.get(i);
            lines.set(i, line.substring(0, line.lastIndexOf(',') + 1) + "9");
            broken++;
        }
        Files.write(f, lines, StandardCharsets.UTF_8);
        return broken;
    }

    private List<Path> outbox() throws IOException {
        if (!Files.exists(tmp.resolve("outbox"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(tmp.resolve("outbox"))) {
            return s.toList();
        }
    }

    @Test
    void fivePercentBrokenRowsStopTheRunAndSendNothing() throws IOException {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        int broken = breakFeedback(data, 20);
        CliRun r = run(data, "run", "--period", "2022");

        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("too many rows rejected, no bulletin made or sent"), r.err());
        assertTrue(r.err().contains("feedback.csv"), r.err());
        assertTrue(r.err().contains(broken + " x not a rating: expected a whole number from 1 to 5"), r.err());
        assertTrue(r.err().contains("e.g.     line 2 rating '9'"), "first examples: " + r.err());
        assertEquals(List.of(), outbox(), "nothing sent");
        assertFalse(Files.exists(tmp.resolve("out/2022")), "no bulletin");
        Path kept = tmp.resolve("out/2022.stopped/rejects.csv");
        assertEquals(broken + 1 + 6, Files.readAllLines(kept).size(), "the rejected rows are kept: header, sample's 6, broken");
    }

    @Test
    void aFewBrokenRowsAreLeftOutAndTheBulletinSaysSo() throws IOException {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        int broken = breakFeedback(data, 200);
        CliRun r = run(data, "run", "--period", "2022");

        assertEquals(0, r.exitCode(), r.err());
        String summary = Files.readString(tmp.resolve("out/2022/run-summary.txt"));
        assertTrue(summary.contains(String.format("1,724 read = %,d counted + %d rejected", 1724 - broken, broken)), summary);
        try (PDDocument pdf = Loader.loadPDF(tmp.resolve("out/2022/tinh/ban-tin-2022-tinh.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Tổng số dòng dữ liệu bị loại do không hợp lệ: " + (6 + broken)), "data-quality note");
        }
    }

    @Test
    void textFromCitizensAndUnitsArrivesAsTextEverywhere() throws Exception {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            rows.append(String.format(FEEDBACK_ROW, "INJ-" + i, 1 + i % 28, "\"" + FORMULA.replace("\"", "\"\"") + "\""));
        }
        SampleData.append(data.resolve("feedback.csv"), rows.toString());
        Path units = data.resolve("units.csv");
        Files.writeString(units, Files.readString(units).replace("Sở Xây dựng,", "Sở Xây dựng <script>alert(1)</script>,"));

        CliRun r = run(data, "run", "--period", "2022");
        assertEquals(0, r.exitCode(), r.err());
        Path out = tmp.resolve("out/2022");

        try (InputStream in = Files.newInputStream(out.resolve("tinh/ban-tin-2022-tinh.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            boolean found = false;
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertFalse(cell.getCellType() == CellType.FORMULA, "no formula cell in " + sheet.getSheetName());
                        found |= cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(FORMULA);
                    }
                }
            }
            assertTrue(found, "the subject is a text cell");
        }

        boolean inCsv = false;
        try (Reader rd = Files.newBufferedReader(out.resolve("indicators.csv"));
             CSVParser p = CSVParser.parse(rd, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord rec : p) {
                inCsv |= rec.get("scope").equals("category") && rec.get("scope_code").equals("'" + FORMULA);
            }
        }
        assertTrue(inCsv, "indicators.csv holds the subject as text (a leading ' keeps spreadsheets from running it)");

        try (PDDocument pdf = Loader.loadPDF(out.resolve("tinh/ban-tin-2022-tinh.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            // The sentence may wrap inside the subject, so spaces are left out of this comparison.
            assertTrue(text.replace(" ", "").contains(FORMULA), "PDF shows the subject as written");
            assertTrue(text.contains("Sở Xây dựng <script>alert(1)</script>"), "PDF shows the name as written");
        }

        Path eml = outbox().stream().filter(p -> p.getFileName().toString().startsWith("ban-tin-2022-tinh--")).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            String html = part(m, "text/html");
            assertTrue(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"), html);
            assertTrue(html.contains("Sở Xây dựng &lt;script&gt;alert(1)&lt;/script&gt;"), html);
            assertFalse(html.contains("<script>"), "no markup from the data");
            assertTrue(part(m, "text/plain").contains(FORMULA));
        }
    }

    private static String part(Part p, String type) throws Exception {
        if (p.isMimeType(type) && p.getFileName() == null) {
            return (String) p.getContent();
        }
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String s = part(mp.getBodyPart(i), type);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    @Test
    void dataCheckReportsEachFileWithoutWritingAnything() throws IOException {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        SampleData.append(data.resolve("documents.csv"),
                "X1,X-KHONGCO,in,2022-05-01,,\nX2,X-KHONGCO,in,2022-05-02,,\nX3,H-LAMTHAO,in,2022-05-03,,\n");
        CliRun r = run(data, "data", "check", "--period", "2022");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("documents.csv  (CSV UTF-8)"), r.out());
        assertTrue(r.out().contains("72,896 read = 72,890 counted + 6 rejected"), r.out());
        assertTrue(r.out().contains("dates    2022-01-01 .. 2022-12-31"), r.out());
        assertTrue(r.out().contains("unknown  unit X-KHONGCO (2 rows)"), r.out());
        assertTrue(r.out().contains("unknown  unit H-LAMTHAO (1 rows)"), r.out());
        assertTrue(r.out().contains("columns  id, unit, direction, date, from_work_dossier, signed"), r.out());
        assertTrue(r.out().contains("OK: a run of 2022 would go on"), r.out());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void dataCheckExitsTwoWhereARunWouldStop() throws IOException {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        breakFeedback(data, 20);
        CliRun r = run(data, "data", "check");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("STOP: feedback.csv has 5.05% of its rows rejected, over its limit of 1.0%"), r.out());
    }
}
