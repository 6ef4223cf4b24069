package vn.bantin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.UnitTree;

/** Files that cannot be read at all stop the run with one line naming the file and what to do. */
class CsvSourceErrorsTest {
    @TempDir
    Path dir;

    private SourceOptions options;

    @BeforeEach
    void validFiles() throws IOException {
        options = new SourceOptions(dir, Map.of(), ZoneId.of("Asia/Ho_Chi_Minh"));
        write("units.csv", "code,name,level,parent\nS1,Sở Y tế,province,\n");
        write("documents.csv", "id,unit,direction,date,from_work_dossier,signed\n1,S1,in,2022-01-01,,\n");
        write("procedures.csv", "code,name,unit,online_level\np,,S1,4\n");
        write("dossiers.csv", "id,procedure,unit,channel,received_date,due_date,finished_date\nd,,S1,online,2022-01-01,,\n");
        write("feedback.csv", "id,received_date,locality,handler,category,status,processed_date,rating\n");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String failure() {
        return assertThrows(SourceException.class, () -> CsvSource.checkAll(options)).getMessage();
    }

    @Test
    void validFilesPassTheCheck() {
        CsvSource.checkAll(options);
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Files.delete(dir.resolve("dossiers.csv"));
        String m = failure();
        assertTrue(m.startsWith("dossiers.csv: file not found"), m);
    }

    @Test
    void missingColumnNamesTheColumnAndTheColumnsFound() throws IOException {
        write("documents.csv", "id,unit,date\n1,S1,2022-01-01\n");
        assertEquals("documents.csv: missing required column direction; the header has: id, unit, date (map an export's own"
                + " header with source.documents.column.<contract column>=<header>)", failure());
    }

    @Test
    void semicolonFileHintsAtTheSeparatorSetting() throws IOException {
        write("feedback.csv", "id;received_date;locality;category;status\n");
        assertTrue(failure().contains("set source.feedback.separator"));
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        write("procedures.csv", "");
        assertTrue(failure().startsWith("procedures.csv: the file is empty; expected a header row with the columns code, unit, online_level"));
    }

    @Test
    void binaryFileIsNotReadAsCsv() throws IOException {
        Files.write(dir.resolve("units.csv"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});
        String m = failure();
        assertTrue(m.startsWith("units.csv: not a CSV text file") && m.contains("XLSX"), m);
    }

    @Test
    void invalidUtf8StopsWithTheLine() throws IOException {
        Files.write(dir.resolve("documents.csv"), ("id,unit,direction,date,from_work_dossier,signed\n1,S1,in,2022-01-01,,\n"
                + "2,S1,in,2022-01-02,,\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(dir.resolve("documents.csv"));
        bytes[bytes.length - 5] = (byte) 0xC3; // a lone lead byte on line 3
        Files.write(dir.resolve("documents.csv"), bytes);
        CsvSource source = new CsvSource(options, r -> { }, SourceProgress.NONE);
        UnitTree tree = source.readUnits();
        String m = assertThrows(SourceException.class, () -> source.readDocuments(tree, d -> { })).getMessage();
        int offset = bytes.length - 5;
        assertEquals("documents.csv line 3 (byte " + offset + "): not valid UTF-8 text; it looks like windows-1258:"
                + " set source.documents.encoding, or save the export as UTF-8", m);
    }

    @Test
    void aStrayQuoteCostsOneRowNotTheRestOfTheFile() throws IOException {
        write("documents.csv", "id,unit,direction,date,from_work_dossier,signed\n1,S1,in,2022-01-01,,\n"
                + "2,S1,\"in,2022-01-02,,\n3,S1,in,2022-01-03,,\n\"4\"x,S1,in,2022-01-04,,\n5,S1,in,\"2022-01-05\",,\n"
                + "6,S1,out,2022-01-06,\"tr\nue\",true\n");
        List<Reject> rejects = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        CsvSource source = new CsvSource(options, rejects::add, SourceProgress.NONE);
        source.readDocuments(source.readUnits(), rows::add);
        assertEquals(List.of(
                new Reject("documents.csv", 3, "row", "", "broken quoting: text after the closing quote of field 3"),
                new Reject("documents.csv", 5, "row", "", "broken quoting: text after the closing quote of field 1"),
                new Reject("documents.csv", 7, "from_work_dossier", "tr\nue",
                        "not a yes/no value: expected true/false, 1/0, yes/no, y/n or có/không")), rejects);
        assertEquals(3, rows.size(), "rows 1, 3 and 5 are read; a quoted field may span lines");
    }

    @Test
    void unreadableRowsAreRejectedNotLost() throws IOException {
        write("documents.csv", "id,unit,direction,date,from_work_dossier,signed\n1,S1,in,2022-01-01,,\n2,S1,in,31/02/2022,,\n");
        List<Reject> rejects = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        CsvSource source = new CsvSource(options, rejects::add, SourceProgress.NONE);
        source.readDocuments(source.readUnits(), rows::add);
        assertEquals(1, rows.size());
        assertEquals(List.of(new Reject("documents.csv", 3, "date", "31/02/2022",
                "not a valid date: expected yyyy-MM-dd or dd/MM/yyyy (a time may follow)")), rejects);
    }
}
