package vn.bantin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.bantin.delivery.RecipientTable;
import vn.bantin.store.AuditRow;
import vn.bantin.delivery.RecipientTable.Row;

/** All the console's wording is in its label files: both languages have every key the pages use. */
class ConsoleLabelsTest {
    private static final Path TEMPLATES = Path.of("templates");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> vi = new TreeSet<>(ConsoleLabels.read(TEMPLATES, "vi").stringPropertyNames());
        Set<String> en = new TreeSet<>(ConsoleLabels.read(TEMPLATES, "en").stringPropertyNames());
        assertEquals(vi, en);
    }

    @Test
    void everyKeyThePagesNameIsInTheLabels() throws IOException {
        Set<String> vi = ConsoleLabels.read(TEMPLATES, "vi").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile("v\\.t\\(\"([a-zA-Z.]+)\"");
        try (Stream<Path> pages = Files.list(Path.of("src/main/jte"))) {
            for (Path page : pages.toList()) {
                Matcher m = key.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !vi.contains(m.group(1))) {
                        missing.add(page.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys missing from console_vi.properties: " + missing);
    }

    @Test
    void wordsAreVietnameseByDefaultAndEnglishOnRequest() {
        ConsoleLabels labels = ConsoleLabels.load(TEMPLATES);
        assertEquals("Đăng nhập", labels.get(null, "login.title"));
        assertEquals("Sign in", labels.get("en", "login.title"));
        assertEquals("Đã nhập sai mật khẩu quá nhiều lần; vui lòng thử lại sau 31 giây.", labels.get("vi", "login.throttled", 31));
    }

    /**
     * English words a Vietnamese sentence must not hold once names, codes and quoted values (“…”, (…)) are taken out:
     * what the English wording of a problem is made of.
     */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|is|not|row|rows|line|of|use|missing|already|receives|known|needs|code|chosen|remove|cannot|file|address"
                    + "|bulletin|as|to|version|candidate|now|period)\\b",
            Pattern.CASE_INSENSITIVE);

    static void assertVietnamese(String sentence) {
        String words = sentence.replaceAll("“[^”]*”", "").replaceAll("\\([^)]*\\)", "")
                .replace("unit,name,email,bulletins", "").replace("province;unit", "");
        Matcher english = ENGLISH.matcher(words);
        assertFalse(english.find(), "English left in a Vietnamese sentence: " + sentence);
        assertFalse(sentence.contains("["), "a label is missing: " + sentence);
    }

    @Test
    void everyRecipientsProblemIsWordedInTheReadersLanguage() {
        ConsoleLabels labels = ConsoleLabels.load(TEMPLATES);
        View vi = new View(labels, "vi", "hoa", Role.EDITOR, "", "recipients", null, null);
        View en = new View(labels, "en", "hoa", Role.EDITOR, "", "recipients", null, null);
        List<Row> rows = List.of(new Row("", "Chủ tịch", "chutich@bacninh.gov.vn", "province"),
                new Row("KHONG-CO", "Đơn vị lạ", "la@bacninh.gov.vn", "unit"),
                new Row("", "Ai đó", "khong-phai-dia-chi", "weekly"),
                new Row("", "Không thư", "", ""),
                new Row("", "Thiếu mã", "a@bacninh.gov.vn", "unit"),
                new Row("SXD", "Hai lần", "ChuTich@bacninh.gov.vn", "province;unit"),
                new Row("SXD", "Hai lần nữa", "chutich@bacninh.gov.vn", "unit"));
        List<RecipientTable.Problem> problems = new ArrayList<>(RecipientTable.check(rows, "SXD"::equals, null, List.of()));
        problems.addAll(RecipientTable.check(rows, "SXD"::equals, "recipients.csv", List.of(2, 3, 4, 5, 6, 7, 8)));
        problems.addAll(RecipientTable.parse("unit,name,email\n", "recipients.csv").problems());
        problems.addAll(RecipientTable.parse("unit,name,email,bulletins\n\"x,y\n", "recipients.csv").problems());
        Set<String> codes = new TreeSet<>();
        for (RecipientTable.Problem p : problems) {
            codes.add(p.code());
            assertVietnamese(RecipientProblems.sentence(vi, p));
            assertVietnamese(RecipientProblems.what(vi, p));
            if (p.line() == 0) {
                assertEquals(p.what(), RecipientProblems.what(en, p), "English as the program says it");
            }
        }
        assertEquals(Set.of("columnMissing", "duplicate", "emailMissing", "notAnAddress", "noBulletin", "unitNeeded",
                "unknownBulletin", "unknownUnit", "unreadable"), codes, "every kind of problem, but the upload's size, is tried");
        assertEquals("hàng 6, Địa chỉ thư: “ChuTich@bacninh.gov.vn” đã nhận bản tin tỉnh ở hàng 1; hãy xóa một trong hai hàng",
                RecipientProblems.sentence(vi, problems.stream().filter(p -> p.code().equals("duplicate")).findFirst().orElseThrow()));
    }

    @Test
    void auditDetailsAreWordedFromTheKeyTheyWereKeptWith() {
        ConsoleLabels labels = ConsoleLabels.load(TEMPLATES);
        View vi = new View(labels, "vi", "root", Role.ADMIN, "", "audit", null, null);
        View en = new View(labels, "en", "root", Role.ADMIN, "", "audit", null, null);
        AuditRow added = new AuditRow(1, Instant.EPOCH, "root", "user.add", "hoa.editor as editor", "audit.details.user.add",
                List.of("hoa.editor", Said.word("role.", "editor")));
        assertEquals("hoa.editor với vai trò Biên tập", AuditDetails.of(vi, added));
        assertEquals("hoa.editor as " + labels.get("en", "role.editor"), AuditDetails.of(en, added));
        AuditRow preview = new AuditRow(2, Instant.EPOCH, "op", "preview", "unit SXD 2022-12", "audit.details.preview",
                List.of(Said.word("kind.", "unit"), " SXD", "2022-12"));
        assertEquals("bản tin đơn vị SXD, kỳ 2022-12", AuditDetails.of(vi, preview));
        assertEquals("an older row, kept as it was", AuditDetails.of(vi, new AuditRow(3, Instant.EPOCH, "op", "run",
                "an older row, kept as it was", null, List.of())), "a row written before the keys were kept");
    }

    /** Every key a console sentence is said with ({@code Said.of("key"}, an audited action) is in both label files. */
    @Test
    void everyKeyTheConsoleSaysIsInBothLabelFiles() throws IOException {
        Set<String> vi = ConsoleLabels.read(TEMPLATES, "vi").stringPropertyNames();
        Set<String> en = ConsoleLabels.read(TEMPLATES, "en").stringPropertyNames();
        Pattern said = Pattern.compile("Said\\.of\\(\\s*\"([a-zA-Z.]+)\"");
        Pattern audited = Pattern.compile("\\baudit\\((?:actor|by), (?:\\w+ \\? )?\"([a-z.]+)\"(?: : \"([a-z.]+)\")?");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/vn/bantin/console"))) {
            for (Path file : files.toList()) {
                String code = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = said.matcher(code);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                m = audited.matcher(code);
                while (m.find()) {
                    keys.add("audit.details." + m.group(1));
                    if (m.group(2) != null) {
                        keys.add("audit.details." + m.group(2));
                    }
                }
            }
        }
        assertTrue(keys.size() > 40, "the scan finds the keys: " + keys);
        assertTrue(keys.contains("audit.details.schedule.resume") && keys.contains("refused.noUser"), keys.toString());
        Set<String> missing = new TreeSet<>(keys);
        missing.removeIf(k -> vi.contains(k) && en.contains(k));
        assertTrue(missing.isEmpty(), "keys said by the console but missing from a label file: " + missing);
    }

    @Test
    void everyRejectReasonOfTheReadingCodeIsWordedOnTheDataPage() throws IOException {
        View vi = new View(ConsoleLabels.load(TEMPLATES), "vi", "op", Role.OPERATOR, "", "data", null, null);
        // as the reading code (vn.bantin.source) words them, values filled in
        List<String> reasons = List.of(
                "unknown parent unit: no unit has this code",
                "unknown level: expected province, district or commune (tinh, huyen, xa)",
                "unknown online level: expected 1-4, or none, partial, full",
                "unknown group: expected cong_khai, tien_do, dvc_truc_tuyen, thanh_toan, so_hoa, hai_long or tong",
                "a maximum must be above 0",
                "score above the maximum (20.0)",
                "a second row for the same period, unit and group: the first counts",
                "a returned dossier needs the date it ended: finished_date is empty",
                "value longer than 32767 characters, the most an Excel cell holds: not a value of the export",
                "line longer than 1000000 characters",
                "broken quoting: a quoted field opened on this line is never closed",
                "broken quoting: text after the closing quote of field 3",
                "unknown unit code: not in units.csv",
                "not a count: expected a whole number 0 or more, digits only",
                "deadline before the date received (2026-10-03)");
        for (String reason : reasons) {
            assertVietnamese(DataCheckPage.reason(reason, vi));
        }
        assertEquals("aaaa… (40000 ký tự)", DataCheckPage.value("aaaa… (40000 characters)", vi));

        // a reason added to the reading code without its words here fails this test
        String page = Files.readString(Path.of("src/main/java/vn/bantin/console/DataCheckPage.java"), StandardCharsets.UTF_8);
        Pattern given = Pattern.compile("(?:new BadCell\\(|BadCell\\.unknown\\(|broken\\(|new Broken\\()[^;]*?\"([a-z][a-z/ ]*[ :][^\"]*)\"");
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/vn/bantin/source"))) {
            for (Path file : files.toList()) {
                Matcher m = given.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String start = m.group(1).split("[:(]")[0];
                    String head = start.substring(0, Math.min(start.length(), 14));
                    if (!page.contains("\"" + head)) {
                        unknown.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(unknown.isEmpty(), "reject reasons the Data page does not word: " + unknown);
    }

    @Test
    void aPeriodTheConsoleRefusesIsExplainedInTheReadersLanguage() {
        View vi = new View(ConsoleLabels.load(TEMPLATES), "vi", "op", Role.OPERATOR, "", "data", null, null);
        for (String bad : List.of("2026-13", "2026-13-bc", "2026-Q5", "2026-02-30..2026-03-01", "2026-03-01..2026-02-01", "tháng 3")) {
            vn.bantin.indicator.Period.NotAPeriod e = org.junit.jupiter.api.Assertions.assertThrows(
                    vn.bantin.indicator.Period.NotAPeriod.class, () -> vn.bantin.indicator.Period.parse(bad));
            String shown = ConsoleActions.notAPeriod(e).in(vi);
            assertVietnamese(shown);
            assertTrue(shown.contains("“" + bad + "”"), shown);
        }
        String range = ConsoleActions.notAPeriod(org.junit.jupiter.api.Assertions.assertThrows(vn.bantin.indicator.Period.NotAPeriod.class,
                () -> vn.bantin.indicator.Period.parse("2026-03-01..2026-02-01"))).in(vi);
        assertTrue(range.contains("khoảng ngày kết thúc (2026-02-01) trước khi bắt đầu (2026-03-01)"), "its end, then its start: " + range);
    }

    @Test
    void aTemplateProblemKeepsItsPlaceAndSaysItsKindInVietnamese() {
        View vi = new View(ConsoleLabels.load(TEMPLATES), "vi", "ed", Role.EDITOR, "", "templates", null, null);
        View en = new View(ConsoleLabels.load(TEMPLATES), "en", "ed", Role.EDITOR, "", "templates", null, null);
        String xml = "templates/unit.jrxml:12: not well-formed XML: The element type \"band\" must be terminated by the matching"
                + " end-tag \"</band>\".";
        String shown = ParserProblems.explain(vi, xml);
        assertTrue(shown.startsWith("templates/unit.jrxml:12: XML chưa đúng cú pháp"), shown);
        assertTrue(shown.endsWith("not well-formed XML: The element type \"band\" must be terminated by the matching end-tag"
                + " \"</band>\"."), "the parser's own words after it: " + shown);
        assertEquals(xml, ParserProblems.explain(en, xml), "in English as the parser says it");
        assertTrue(ParserProblems.explain(vi, "templates/unit.jrxml:30: Parameter not found : REPORT_TITEL")
                .startsWith("templates/unit.jrxml:30: một biểu thức không biên dịch được"));
        // as JasperReports 7 says them: an expression, and an element it does not know (through Jackson)
        assertTrue(ParserProblems.explain(vi, "templates/unit.jrxml:143: the expression does not compile: The method frob() is"
                + " undefined for the type String, in: $P{unitName}.frob()").startsWith("templates/unit.jrxml:143: một biểu thức"));
        assertTrue(ParserProblems.explain(vi, "com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException: Unrecognized field"
                + " \"frobnicate\" (class net.sf.jasperreports.engine.design.JRDesignBand), not marked as ignorable")
                .startsWith("có phần tử hoặc thuộc tính mà JasperReports không biết"));
        assertEquals("templates/unit.jrxml:1: something else", ParserProblems.explain(vi, "templates/unit.jrxml:1: something else"),
                "another kind is shown as it came");
    }
}
