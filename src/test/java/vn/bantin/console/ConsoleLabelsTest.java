package vn.bantin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.bantin.delivery.RecipientTable;
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
    void auditDetailsAreWordedInTheReadersLanguage() {
        ConsoleLabels labels = ConsoleLabels.load(TEMPLATES);
        View vi = new View(labels, "vi", "root", Role.ADMIN, "", "audit", null, null);
        // as UserAdmin, EditorActions and ConsoleActions write them to the trail
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        kept.put("user.add", "hoa.editor as editor");
        kept.put("user.role", "hoa.editor: editor -> admin");
        kept.put("template.publish", "labels/bulletin_vi.properties version 2 (candidate 7)");
        kept.put("template.discard", "unit.jrxml (candidate 8)");
        kept.put("template.rollback", "labels/bulletin_vi.properties to version 1 (now version 3)");
        kept.put("recipients.save", "recipients.csv version 4, 12 rows");
        kept.put("recipients.import", "recipients.csv version 5, 13 rows");
        kept.put("run", "province+unit 2022-12");
        kept.put("preview", "unit SXD 2022-12");
        kept.put("resend", "province 2022-12 to a@bacninh.gov.vn, b@bacninh.gov.vn");
        for (Map.Entry<String, String> e : kept.entrySet()) {
            String shown = AuditDetails.of(vi, e.getKey(), e.getValue());
            assertVietnamese(shown);
            for (String name : e.getValue().split("[ :,()]+")) {
                if (name.matches(".*[0-9.@].*")) {
                    assertTrue(shown.contains(name), "'" + name + "' is still named: " + shown);
                }
            }
        }
        assertEquals("hoa.editor với vai trò Biên tập", AuditDetails.of(vi, "user.add", "hoa.editor as editor"));
        assertEquals("bản tin đơn vị SXD, kỳ 2022-12", AuditDetails.of(vi, "preview", "unit SXD 2022-12"));
        assertEquals("an older form, kept as it was", AuditDetails.of(vi, "run", "an older form, kept as it was"));
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
    void aPeriodOrRequestTheConsoleRefusesIsExplainedInTheReadersLanguage() {
        View vi = new View(ConsoleLabels.load(TEMPLATES), "vi", "op", Role.OPERATOR, "", "data", null, null);
        for (String bad : List.of("2026-13", "2026-13-bc", "2026-Q5", "2026-02-30..2026-03-01", "2026-03-01..2026-02-01", "tháng 3")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> vn.bantin.indicator.Period.parse(bad));
            String shown = Refusals.word(e.getMessage(), vi);
            assertVietnamese(shown);
            assertTrue(shown.contains("“" + bad + "”"), shown);
        }
        // as ConsoleActions refuses
        for (String refused : List.of("bulletin 'weekly' is not known; choose province, unit, all or one unit",
                "choose the unit whose bulletin to make", "a preview shows one bulletin: choose the province's or one unit's",
                "no recipient in recipients.csv receives the unit bulletin of 'SXD'", "no delivery of this run went to a@b.vn",
                "no message of this run was refused or failed: nothing to send again")) {
            assertVietnamese(Refusals.word(refused, vi));
        }
        assertEquals("something new", Refusals.word("something new", vi), "an unknown refusal is shown as it came");
    }
}
