package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.delivery.Recipient;
import vn.bantin.delivery.RecipientTable;
import vn.bantin.delivery.RecipientTable.Row;
import vn.bantin.store.FileVersion;

/**
 * The recipients list edited as a table, on a private config folder, the 2022 units and a real store: a row the
 * program could not serve is refused with its reason and nothing is written; a good edit is saved whole, the list
 * before it kept; an exported CSV imports back to the same list.
 */
class RecipientsEditorTest {
    @TempDir
    Path tmp;

    private EditorFixture f;
    private RecipientsEditor editor;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        f = new EditorFixture(tmp);
        editor = new RecipientsEditor(f.config, f.settings, f.versions);
        file = f.config.resolve("recipients.csv");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void theTableIsTheFile() {
        RecipientsEditor.Recipients list = editor.read();
        assertEquals(f.settings.recipients().size(), list.rows().size());
        assertEquals(new Row("", "Chủ tịch UBND tỉnh", "chutich@bacninh.gov.vn", "province"), list.rows().get(0));
        assertNull(list.version());
        assertEquals(List.of(), list.problems());
    }

    @Test
    void aListEditedByHandShowsWhatIsWrongWithIt() throws IOException {
        Files.writeString(file, Files.readString(file) + "KHONG-CO,Đơn vị lạ,la@bacninh.gov.vn,unit\n");

        RecipientsEditor.Recipients list = editor.read();

        assertEquals(List.of("recipients.csv line " + (list.rows().size() + 1) + ", unit: unit 'KHONG-CO' is not in the units of the"
                + " data; use a code of the units export"), list.problems().stream().map(RecipientTable.Problem::sentence).toList());
    }

    @Test
    void aRowWithAnUnknownUnitABadAddressOrASecondCopyIsRefusedWithItsReason() throws IOException {
        byte[] before = Files.readAllBytes(file);
        List<Row> rows = new ArrayList<>(editor.read().rows());
        rows.add(new Row("KHONG-CO", "Đơn vị lạ", "la@bacninh.gov.vn", "unit"));
        rows.add(new Row("", "Ai đó", "khong-phai-dia-chi", "province"));
        rows.add(new Row("", "Chủ tịch (lần hai)", "ChuTich@bacninh.gov.vn", "province"));
        int n = rows.size();

        RecipientsEdit r = editor.save(rows, "hoa.editor");

        RecipientsEdit.Refused refused = assertInstanceOf(RecipientsEdit.Refused.class, r);
        assertEquals(List.of(
                "row " + (n - 2) + ", unit: unit 'KHONG-CO' is not in the units of the data; use a code of the units export",
                "row " + (n - 1) + ", email: 'khong-phai-dia-chi' is not an email address",
                "row " + n + ", email: 'ChuTich@bacninh.gov.vn' already receives the province bulletin on row 1; remove one of the two rows"),
                refused.problems().stream().map(RecipientTable.Problem::sentence).toList());
        assertTrue(r.message().contains("3 problems"), r.message());
        assertArrayEquals(before, Files.readAllBytes(file), "nothing written");
        assertTrue(editor.history().isEmpty());
    }

    @Test
    void aGoodEditIsSavedAndTheListBeforeItKept() throws IOException {
        byte[] before = Files.readAllBytes(file);
        List<Row> rows = new ArrayList<>(editor.read().rows());
        Row first = rows.get(0);
        rows.set(0, new Row(first.unit(), "Chủ tịch UBND tỉnh Bắc Ninh, \"thường trực\"", "chutich.moi@bacninh.gov.vn", first.bulletins()));

        RecipientsEdit r = editor.save(rows, "hoa.editor");

        RecipientsEdit.Saved saved = assertInstanceOf(RecipientsEdit.Saved.class, r, r.message());
        assertEquals(2, saved.version().version());
        List<Recipient> read = ConfigLoader.load(f.config).recipients();
        assertEquals(rows.size(), read.size());
        assertEquals("chutich.moi@bacninh.gov.vn", read.get(0).email());
        assertEquals("Chủ tịch UBND tỉnh Bắc Ninh, \"thường trực\"", read.get(0).name());
        List<FileVersion> history = editor.history();
        assertEquals(List.of("saved", "found"), history.stream().map(FileVersion::action).toList());
        assertEquals("hoa.editor", history.get(0).changedBy());
        assertArrayEquals(before, editor.version(1), "the list as it was");
        assertEquals(2, editor.read().version().version());
    }

    @Test
    void anExportImportsBackToTheSameList() {
        byte[] exported = editor.exportCsv();
        List<Row> rows = editor.read().rows();

        RecipientsEdit r = editor.importCsv(exported, "hoa.editor");

        assertInstanceOf(RecipientsEdit.Saved.class, r, r.message());
        assertEquals(rows, editor.read().rows());
        assertEquals(rows, RecipientTable.parse(new String(editor.exportCsv(), StandardCharsets.UTF_8), "x").rows());
        assertEquals("imported", editor.history().get(0).action());
    }

    @Test
    void anImportNamesTheLineAndFieldOfEachProblem() throws IOException {
        byte[] before = Files.readAllBytes(file);
        String csv = "unit,name,email,bulletins\n"
                + ",Chủ tịch,chutich@bacninh.gov.vn,province\n"
                + "\n"
                + "H-GB,Gia Bình,giabinh@@bacninh,unit\n"
                + "H-GB,Gia Bình,giabinh@bacninh.gov.vn,weekly\n";

        RecipientsEdit r = editor.importCsv(csv.getBytes(StandardCharsets.UTF_8), "hoa.editor");

        RecipientsEdit.Refused refused = assertInstanceOf(RecipientsEdit.Refused.class, r);
        List<String> sentences = refused.problems().stream().map(RecipientTable.Problem::sentence).toList();
        assertTrue(sentences.contains("the uploaded recipients.csv line 4, email: 'giabinh@@bacninh' is not an email address"), sentences.toString());
        assertTrue(sentences.stream().anyMatch(s -> s.startsWith("the uploaded recipients.csv line 5, bulletins: 'weekly' is not known")), sentences.toString());
        assertArrayEquals(before, Files.readAllBytes(file));

        RecipientsEdit noHeader = editor.importCsv("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "hoa.editor");
        assertTrue(noHeader.message().contains("the header must be unit,name,email,bulletins"), noHeader.message());
    }
}
