package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.IndicatorEngine;
import vn.bantin.indicator.IndicatorRow;
import vn.bantin.indicator.IndicatorRows;
import vn.bantin.indicator.Method;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Targets;
import vn.bantin.report.IndicatorsCsv;
import vn.bantin.report.RejectsCsv;
import vn.bantin.source.SourceException;
import vn.bantin.source.SourceOptions;
import vn.bantin.source.SourceProgress;

/**
 * Documents read on a thread of their own beside procedures, dossiers and feedback give what one thread gives, byte
 * for byte: rejects.csv in file order, the progress lines in file order, the same statistics and indicators.csv; and
 * the first error in file order is the one thrown, once.
 */
class ReadingBesideTest {
    private static final Path SAMPLE = Path.of("data/sample/2022");
    private static final int DOCUMENTS = 320_000; // past the 250,000 rows of a progress line
    private static final int DOSSIERS = 60_000;

    @TempDir
    Path dir;

    /** What one read gave a person: rejects.csv, the progress lines, the statistics and indicators.csv. */
    private record Seen(String rejects, List<String> progress, String stats, String indicators) {}

    @BeforeEach
    void exportsWithRejectsInEveryFile() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.copy(SAMPLE.resolve("units.csv"), data.resolve("units.csv"));
        List<String> units = Files.readAllLines(SAMPLE.resolve("units.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(','))).toList();
        List<String> procedures = new ArrayList<>(Files.readAllLines(SAMPLE.resolve("procedures.csv")));
        procedures.add("P-BAD,Thủ tục lỗi,NO-SUCH-UNIT,4");
        procedures.add("P-BAD2,Thủ tục lỗi,STTTT,7");
        Files.write(data.resolve("procedures.csv"), procedures, StandardCharsets.UTF_8);
        List<String> codes = procedures.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        LocalDate first = LocalDate.of(2021, 1, 1);
        try (Writer w = Files.newBufferedWriter(data.resolve("documents.csv"))) {
            w.write("id,unit,direction,date,from_work_dossier,signed\n");
            for (int i = 1; i <= DOCUMENTS; i++) {
                String unit = i % 997 == 0 ? "NO-SUCH-UNIT" : units.get(i % units.size());
                String id = i % 1_501 == 0 ? "VB-" + (i - 1) : "VB-" + i; // a duplicate now and then
                String direction = i % 3 == 0 ? "in" : i % 4_001 == 0 ? "sideways" : "out";
                w.write(id + "," + unit + "," + direction + "," + first.plusDays(i % 730) + "," + (i % 2 == 0) + ","
                        + (i % 5 != 0) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(data.resolve("dossiers.csv"))) {
            w.write("id,procedure,unit,channel,received_date,due_date,finished_date\n");
            for (int i = 1; i <= DOSSIERS; i++) {
                // Every fourth row bad: more rejects than HeldBack holds, so the dossiers wait for the documents.
                String channel = i % 4 == 0 ? "fax" : i % 2 == 0 ? "online" : "direct";
                LocalDate received = first.plusDays(i % 700);
                w.write("HS-" + i + "," + codes.get(i % codes.size()) + "," + units.get(i % units.size()) + "," + channel
                        + "," + received + "," + received.plusDays(10) + "," + received.plusDays(i % 15) + "\n");
            }
        }
        List<String> feedback = new ArrayList<>(Files.readAllLines(SAMPLE.resolve("feedback.csv")));
        feedback.add("PAKN-BAD,2022-03-01,NO-SUCH-UNIT,,Khác,processed,,");
        feedback.add("PAKN-BAD2,2022-03-01,TP-BN,,Khác,lost,,");
        Files.write(data.resolve("feedback.csv"), feedback, StandardCharsets.UTF_8);
        assertTrue(DOSSIERS / 4 > HeldBack.LIMIT, "the test must overflow what is held");
    }

    private Seen read(Gathering.Reading reading) throws IOException {
        Path work = Files.createDirectories(dir.resolve(reading.name()));
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        SourceProgress lines = (f, r, j, d) -> progress.add(f + " " + r + " " + j + " " + d);
        Period period = Period.parse("2022-Q4");
        Gathering.Gathered data;
        try (RejectsCsv rejects = new RejectsCsv(work.resolve("rejects.csv"))) {
            data = Gathering.gather(options(), List.of(period, period.previous(), period.sameLastYear()),
                    Method.published().localityLevel(), rejects, lines, Gathering.Setup766.PLAIN, reading);
        }
        List<IndicatorRow> rows = new ArrayList<>();
        for (Period p : data.tallies().keySet()) {
            rows.addAll(IndicatorRows.of(new IndicatorEngine(Targets.national(), Method.published())
                    .compute(data.tree(), data.tallies().get(p)), "tỉnh Bắc Ninh", l -> l.name()));
        }
        IndicatorsCsv.write(work.resolve("indicators.csv"), period, rows);
        return new Seen(Files.readString(work.resolve("rejects.csv")), List.copyOf(progress), data.stats().toString(),
                Files.readString(work.resolve("indicators.csv")));
    }

    private SourceOptions options() {
        return new SourceOptions(dir.resolve("data"), Map.of(), ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @Test
    void twoThreadsGiveWhatOneThreadGivesByteForByte() throws IOException {
        Seen one = read(Gathering.Reading.ONE_THREAD);
        Seen two = read(Gathering.Reading.TWO_THREADS);
        assertEquals(one.rejects(), two.rejects(), "rejects.csv");
        assertEquals(one.progress(), two.progress(), "progress lines");
        assertEquals(one.stats(), two.stats(), "statistics per file");
        assertEquals(one.indicators(), two.indicators(), "indicators.csv");
        // The data set is what the comparison needs: rejects in every file but units, in file order.
        List<String> files = one.rejects().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
        assertEquals(List.of("documents.csv", "procedures.csv", "dossiers.csv", "feedback.csv"), files);
        assertTrue(one.rejects().lines().filter(l -> l.startsWith("dossiers.csv,")).count() > HeldBack.LIMIT);
        assertEquals("units.csv 154 0 true", one.progress().get(0));
        assertTrue(one.progress().get(1).matches("documents\\.csv 250000 \\d+ false"), one.progress().get(1));
    }

    @Test
    void anErrorInTheDocumentsWhileDossiersAreReadIsThrownOnceAsByOneThread() throws IOException {
        // A lone UTF-8 lead byte near the end of documents, and another on line 2,000 of dossiers: the dossiers fail first
        // in time, the documents first in file order, which is the error a person is told, as when read one by one.
        breakLine("documents.csv", DOCUMENTS - 10);
        breakLine("dossiers.csv", 2_000);
        String one = failure(Gathering.Reading.ONE_THREAD);
        String two = failure(Gathering.Reading.TWO_THREADS);
        assertTrue(one.startsWith("documents.csv line " + (DOCUMENTS - 10) + " (byte "), one);
        assertEquals(one, two);
        assertEquals(Files.readString(dir.resolve("ONE_THREAD/rejects.csv")), Files.readString(dir.resolve("TWO_THREADS/rejects.csv")),
                "the rejects written before the error");
    }

    @Test
    void anErrorInTheDossiersWaitsForTheDocumentsAndIsThrownWithTheirRejectsWritten() throws IOException {
        breakLine("dossiers.csv", DOSSIERS - 5);
        String one = failure(Gathering.Reading.ONE_THREAD);
        assertTrue(one.startsWith("dossiers.csv line " + (DOSSIERS - 5) + " (byte "), one);
        assertEquals(one, failure(Gathering.Reading.TWO_THREADS));
        String rejects = Files.readString(dir.resolve("TWO_THREADS/rejects.csv"));
        assertEquals(Files.readString(dir.resolve("ONE_THREAD/rejects.csv")), rejects);
        assertTrue(rejects.contains("\ndossiers.csv,"), "the dossiers' rejects before the error are written");
    }

    /** The message of the one exception a read ends with; its rejects.csv is kept in a folder named after it. */
    private String failure(Gathering.Reading reading) throws IOException {
        Path work = Files.createDirectories(dir.resolve(reading.name()));
        Period period = Period.parse("2022");
        try (RejectsCsv rejects = new RejectsCsv(work.resolve("rejects.csv"))) {
            return assertThrows(SourceException.class, () -> Gathering.gather(options(), List.of(period),
                    Method.published().localityLevel(), rejects, SourceProgress.NONE, Gathering.Setup766.PLAIN, reading))
                    .getMessage();
        }
    }

    /** Puts a lone UTF-8 lead byte at the end of {@code line} (the header is line 1). */
    private void breakLine(String file, int line) {
        try {
            Path p = dir.resolve("data").resolve(file);
            byte[] bytes = Files.readAllBytes(p);
            int at = 0;
            for (int seen = 0; seen < line; at++) {
                if (bytes[at] == '\n') {
                    seen++;
                }
            }
            bytes[at - 2] = (byte) 0xC3;
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
