package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A template may read only the parameters bantin passes and the files of its own folder: each attack, written into a
 * copy of the templates as an editor would, stops the bulletin at fill time with a sentence, leaves no PDF, and no
 * request reaches the local web server. Limits on pages and time hold whatever the template says.
 */
class TemplateSandboxTest {
    private static final ResourceBundle LABELS = Labels.load(TemplatesCopy.TEMPLATES, "vi");
    @TempDir
    static Path shared;
    static AttackScene scene;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        scene = new AttackScene(shared);
    }

    @AfterAll
    static void stop() {
        scene.close();
    }

    static Stream<TemplateAttack> attacks() {
        return scene.attacks().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void eachAttackStopsTheBulletinAtFill(TemplateAttack attack) throws IOException {
        Path templates = scene.templates(attack);
        Path pdf = dir.resolve("province.pdf");

        ReportException e = assertThrows(ReportException.class, () -> renderer(templates, TemplateLimits.DEFAULT)
                .renderProvincePdf(SampleParameters.year2022(), LABELS, pdf));

        assertTrue(e.getMessage().contains(attack.refusal()), e.getMessage());
        assertNotNull(e.template(), "a template's problem, so only its bulletins stop");
        assertFalse(e.getMessage().contains(AttackScene.SECRET), "the secret is not echoed");
        assertTrue(Files.notExists(pdf), "no PDF");
        assertEquals(List.of(), scene.server().requests(), "no request reached the web server");
    }

    @Test
    void aLinkOutOfTheFolderIsRefused() throws IOException {
        Path templates = TemplatesCopy.into(dir.resolve("templates"));
        Path logo = templates.resolve("images/logo.png");
        Files.delete(logo);
        Files.createSymbolicLink(logo, shared.resolve("outside/logo.png"));

        ReportException e = assertThrows(ReportException.class, () -> renderer(templates, TemplateLimits.DEFAULT)
                .renderProvincePdf(SampleParameters.year2022(), LABELS, dir.resolve("province.pdf")));

        assertTrue(e.getMessage().contains("'images/logo.png' is a link to " + shared.resolve("outside/logo.png").toRealPath()
                + ", outside the templates folder"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("province.pdf")));
    }

    @Test
    void aLinkInsideTheFolderIsFollowed() throws IOException {
        Path templates = TemplatesCopy.into(dir.resolve("templates"));
        Files.move(templates.resolve("images/logo.png"), templates.resolve("images/logo-2026.png"));
        Files.createSymbolicLink(templates.resolve("images/logo.png"), templates.resolve("images/logo-2026.png"));

        renderer(templates, TemplateLimits.DEFAULT).renderProvincePdf(SampleParameters.year2022(), LABELS, dir.resolve("p.pdf"));

        assertTrue(Files.size(dir.resolve("p.pdf")) > 0);
    }

    @Test
    void anAllowedHostIsFetchedAndOnlyIt() throws IOException {
        Path templates = TemplatesCopy.into(dir.resolve("templates"));
        TemplateLimits allowLocal = new TemplateLimits(100, Duration.ofMinutes(1), Set.of("127.0.0.1"));
        // A server of its own, so that the attacks' server stays unasked whatever the order of the tests.
        try (LocalHttpServer allowed = new LocalHttpServer(Files.readAllBytes(TemplatesCopy.TEMPLATES.resolve("images/logo.png")))) {
            new TemplateAttack("logo from an allowed host", TemplateAttack.Target.IMAGE, "\"" + allowed.url("logo.png") + "\"", "")
                    .writeInto(templates);

            renderer(templates, allowLocal).renderProvincePdf(SampleParameters.year2022(), LABELS, dir.resolve("p.pdf"));

            assertTrue(PdfContent.text(dir.resolve("p.pdf")).contains("BÁO CÁO"), "the bulletin was made");
            assertEquals(List.of("/logo.png"), allowed.requests());
        }
    }

    @Test
    void anExpressionThatLoopsWithoutEndIsStoppedAtTheFillTimeout() throws IOException {
        Path templates = TemplatesCopy.into(dir.resolve("templates"));
        // Two billion times two billion steps, through classes the workbook templates need (streams for column widths).
        new TemplateAttack("loop", TemplateAttack.Target.TEXT, "String.valueOf(java.util.stream.IntStream.range(0,"
                + " Integer.MAX_VALUE).boxed().mapToInt(i -> java.util.stream.IntStream.range(0, Integer.MAX_VALUE).max()"
                + ".orElse(0)).max().orElse(0))", "").writeInto(templates);
        TemplateLimits quick = new TemplateLimits(100, Duration.ofSeconds(2), Set.of());

        ReportException e = assertThrows(ReportException.class, () -> renderer(templates, quick)
                .renderProvincePdf(SampleParameters.year2022(), LABELS, dir.resolve("p.pdf")));

        assertTrue(e.getMessage().contains("province.jrxml: was still being filled after 2 s (templates.fill-timeout"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("p.pdf")));
        assertTrue(fillThreadEnds(), "the looping fill's thread was stopped");
    }

    @Test
    void aBulletinLongerThanThePageLimitIsStopped() {
        TemplateLimits onePage = new TemplateLimits(1, Duration.ofMinutes(1), Set.of());

        ReportException e = assertThrows(ReportException.class, () -> renderer(TemplatesCopy.TEMPLATES, onePage)
                .renderProvincePdf(SampleParameters.year2022(), LABELS, dir.resolve("p.pdf")));

        assertTrue(e.getMessage().contains("province.jrxml: prints more than 1 pages (templates.max-pages"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("p.pdf")));
    }

    @ParameterizedTest
    @CsvSource({
            "net.sf.jasperreports.governor.max.pages.enabled, false",
            "net.sf.jasperreports.governor.timeout, 999999999",
            "net.sf.jasperreports.markup.processor.factory.web, net.sf.jasperreports.engine.util.HtmlEditorKitMarkupProcessor.Factory",
            "net.sf.jasperreports.data.adapter, adapter.jrdax"})
    void aTemplateCannotLiftTheLimitsItself(String property, String value) throws IOException {
        Path templates = TemplatesCopy.into(dir.resolve("templates"));
        Path province = templates.resolve("province.jrxml");
        String jrxml = Files.readString(province, StandardCharsets.UTF_8);
        Files.writeString(province, jrxml.replaceFirst("(<property name=\"net.sf.jasperreports.default.font.name\")",
                "<property name=\"" + property + "\" value=\"" + value + "\"/>\n\t$1"), StandardCharsets.UTF_8);

        ReportException e = assertThrows(ReportException.class, () -> renderer(templates, TemplateLimits.DEFAULT)
                .renderProvincePdf(SampleParameters.year2022(), LABELS, dir.resolve("p.pdf")));

        assertTrue(e.getMessage().contains("sets property " + property + ", which a template may not set"), e.getMessage());
    }

    private static JasperRenderer renderer(Path templates, TemplateLimits limits) {
        return new JasperRenderer(templates, new TemplateCache(), limits);
    }

    /** The stopped thread ends as soon as its stop arrives; it is waited for by joining, not by sleeping. */
    private static boolean fillThreadEnds() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("fill province.jrxml")) {
                try {
                    t.join(Duration.ofSeconds(30).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (t.isAlive()) {
                    return false;
                }
            }
        }
        return true;
    }
}
