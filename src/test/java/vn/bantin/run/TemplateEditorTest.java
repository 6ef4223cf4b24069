package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Period;
import vn.bantin.report.PropertiesText;
import vn.bantin.store.FileVersion;

/**
 * What a template editor sees through the console's actions, on a private templates folder, the 2022 data and a
 * real store: the preview PDF carries a staged label change, a broken template is named by file and line and
 * cannot be published, a roll-back restores the bytes, and nothing outside the folder can be written.
 */
class TemplateEditorTest {
    private static final Period PERIOD = Period.parse("2022-12");
    private static final String LABELS = "labels/bulletin_vi.properties";

    @TempDir
    Path tmp;

    private EditorFixture f;
    private TemplateEditor editor;

    @BeforeEach
    void setUp() throws IOException {
        f = new EditorFixture(tmp);
        editor = new TemplateEditor(f.settings, f.versions, tmp.resolve("editor"));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aLabelChangedThroughTheFormShowsInThePreviewAndIsPublishedWithTheRestOfTheFileAsItWas() throws IOException {
        byte[] before = Files.readAllBytes(f.templates.resolve(LABELS));
        PropertiesText.Entry title = editor.wording(LABELS).stream().filter(e -> e.key().equals("doctype.BC")).findFirst().orElseThrow();
        assertEquals("BÁO CÁO", title.text());

        TemplateEdit staged = editor.stageWording(LABELS, Map.of("doctype.BC", "BÁO CÁO THỬ NGHIỆM CỦA BIÊN TẬP"), "chi.editor", PERIOD);

        TemplateEdit.Staged ok = assertInstanceOf(TemplateEdit.Staged.class, staged, staged.message());
        assertTrue(text(ok.preview().provincePdf()).contains("BÁO CÁO THỬ NGHIỆM CỦA BIÊN TẬP"), "the preview PDF shows the new title");
        assertFalse(ok.preview().provincePages().isEmpty());
        assertFalse(ok.preview().unitPages().isEmpty());
        BufferedImage page = ImageIO.read(ok.preview().provincePages().get(0).toFile());
        assertTrue(page.getHeight() > page.getWidth(), "an A4 page picture, portrait");
        assertNotNull(ok.preview().unit());
        assertArrayEquals(before, Files.readAllBytes(f.templates.resolve(LABELS)), "staging writes nothing into the folder");
        assertEquals(ok.preview().provincePdf(), editor.preview(ok.candidate().id()).orElseThrow().provincePdf());

        TemplateEdit published = editor.publish(ok.candidate().id(), "chi.editor", PERIOD);

        assertInstanceOf(TemplateEdit.Published.class, published, published.message());
        assertTrue(editor.preview(ok.candidate().id()).isEmpty(), "the preview goes with the candidate");
        List<String> old = new String(before, StandardCharsets.UTF_8).lines().toList();
        List<String> now = Files.readAllLines(f.templates.resolve(LABELS), StandardCharsets.UTF_8);
        assertEquals(old.size(), now.size(), "no line added or lost");
        for (int i = 0; i < old.size(); i++) {
            assertEquals(old.get(i).startsWith("doctype.BC ") ? "doctype.BC = BÁO CÁO THỬ NGHIỆM CỦA BIÊN TẬP" : old.get(i), now.get(i));
        }
        List<FileVersion> history = editor.history(LABELS);
        assertEquals(List.of(2, 1), history.stream().map(FileVersion::version).toList());
        assertEquals("chi.editor", history.get(0).changedBy());
        assertEquals(TemplateEditor.IN_THE_FOLDER, history.get(1).changedBy());
        assertArrayEquals(before, editor.download(LABELS, 1).content(), "the file as it was is kept");
        TemplateEditor.TemplateFile listed = editor.files().stream().filter(t -> t.path().equals(LABELS)).findFirst().orElseThrow();
        assertEquals(2, listed.version());
        assertFalse(listed.changedOutside());
        assertInstanceOf(TemplateEdit.Refused.class, editor.publish(ok.candidate().id(), "chi.editor", PERIOD), "published once");
    }

    @Test
    void aBrokenTemplateIsNamedByFileAndLineAndCannotBePublished() throws IOException {
        Path unit = f.templates.resolve("unit.jrxml");
        byte[] before = Files.readAllBytes(unit);
        List<String> lines = Files.readAllLines(unit, StandardCharsets.UTF_8);
        int line = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("<title")) {
                lines.set(i, lines.get(i).replaceFirst("<title", "<title <"));
                line = i + 1;
                break;
            }
        }
        byte[] broken = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        TemplateEdit staged = editor.stage("unit.jrxml", broken, "chi.editor", PERIOD);

        TemplateEdit.Problems problems = assertInstanceOf(TemplateEdit.Problems.class, staged, staged.message());
        String where = "templates/unit.jrxml:" + line + ": not well-formed XML";
        assertTrue(problems.problems().stream().anyMatch(p -> p.startsWith(where)), problems.problems().toString());
        TemplateEdit publish = editor.publish(problems.candidate().id(), "chi.editor", PERIOD);
        assertInstanceOf(TemplateEdit.Problems.class, publish, publish.message());
        assertArrayEquals(before, Files.readAllBytes(unit), "the folder keeps the working template");
        assertTrue(editor.history("unit.jrxml").isEmpty());
        assertInstanceOf(TemplateEdit.Discarded.class, editor.discard(problems.candidate().id(), "chi.editor"));
        assertTrue(editor.staged().isEmpty());
    }

    @Test
    void aRollBackWritesTheEarlierBytesBackAsANewVersion() throws IOException {
        Path file = f.templates.resolve("email/email_vi.properties");
        byte[] original = Files.readAllBytes(file);
        TemplateEdit staged = editor.stageWording("email/email_vi.properties",
                Map.of("subject.province", "Bản tin tháng {{periodLabel}}"), "lan.editor", PERIOD);
        TemplateEdit.Staged ok = assertInstanceOf(TemplateEdit.Staged.class, staged, staged.message());
        assertInstanceOf(TemplateEdit.Published.class, editor.publish(ok.candidate().id(), "lan.editor", PERIOD));
        assertFalse(java.util.Arrays.equals(original, Files.readAllBytes(file)));

        TemplateEdit back = editor.rollBack("email/email_vi.properties", 1, "minh.editor", PERIOD);

        TemplateEdit.Published done = assertInstanceOf(TemplateEdit.Published.class, back, back.message());
        assertArrayEquals(original, Files.readAllBytes(file));
        assertEquals(3, done.version().version());
        assertEquals("rolled back to version 1", done.version().action());
        assertEquals("minh.editor", done.version().changedBy());
        assertInstanceOf(TemplateEdit.Refused.class, editor.rollBack("email/email_vi.properties", 1, "minh.editor", PERIOD),
                "already that version");
    }

    @Test
    void aFileThatChangedAfterStagingIsNotOverwritten() throws IOException {
        TemplateEdit staged = editor.stageWording(LABELS, Map.of("report.title", "BẢN TIN MỚI"), "chi.editor", PERIOD);
        TemplateEdit.Staged ok = assertInstanceOf(TemplateEdit.Staged.class, staged, staged.message());
        Path file = f.templates.resolve(LABELS);
        Files.writeString(file, Files.readString(file) + "\n# edited by hand\n");
        byte[] byHand = Files.readAllBytes(file);

        TemplateEdit publish = editor.publish(ok.candidate().id(), "chi.editor", PERIOD);

        assertInstanceOf(TemplateEdit.Refused.class, publish, publish.message());
        assertTrue(publish.message().contains("changed after candidate"), publish.message());
        assertArrayEquals(byHand, Files.readAllBytes(file));
    }

    @Test
    void onlyKnownKindsOfFileInsideTheFolderAreTaken() throws IOException {
        byte[] text = "x".getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("../config/bantin.properties", "/etc/passwd.properties", "labels/../../x.properties",
                ".hidden.properties", "PARAMETERS.md", "run.sh", "images\\logo.png", "nowhere/new.jrxml")) {
            TemplateEdit r = editor.stage(name, text, "chi.editor", PERIOD);
            assertInstanceOf(TemplateEdit.Refused.class, r, name + ": " + r.message());
        }
        TemplateEdit notAnImage = editor.stage("images/logo.png", text, "chi.editor", PERIOD);
        assertTrue(notAnImage.message().contains("not a PNG, JPEG or GIF"), notAnImage.message());
        TemplateEdit tooLarge = editor.stage("unit.jrxml", new byte[2 * 1024 * 1024], "chi.editor", PERIOD);
        assertTrue(tooLarge.message().contains("up to 1024 KB"), tooLarge.message());
        TemplateEdit latin1 = editor.stage(LABELS, "report.title = B\u1EA2N".getBytes(StandardCharsets.UTF_16LE), "chi.editor", PERIOD);
        assertTrue(latin1.message().contains("not valid UTF-8"), latin1.message());
        Files.createSymbolicLink(f.templates.resolve("images/outside.png"), tmp.resolve("config/bantin.properties"));
        TemplateEdit link = editor.stage("images/outside.png", Files.readAllBytes(f.templates.resolve("images/logo.png")), "chi.editor", PERIOD);
        assertTrue(link.message().contains("link out of the templates folder"), link.message());
        assertTrue(editor.staged().isEmpty(), "nothing refused is kept as a candidate");
        assertInstanceOf(TemplateEdit.Refused.class, editor.stageWording(LABELS, Map.of("no.such.key", "x"), "chi.editor", PERIOD));
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\\u00A0]+", " ");
        }
    }
}
