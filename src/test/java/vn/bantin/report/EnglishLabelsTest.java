package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The English label set: the same keys and placeholders as the Vietnamese one, and a province bulletin made with it. */
class EnglishLabelsTest {

    static final Path TEMPLATES = Path.of("templates");
    static final Path VI = Labels.file(TEMPLATES, "vi");
    static final Path EN = Labels.file(TEMPLATES, "en");
    static final int MAX_ARGUMENTS = 10;

    @TempDir
    static Path out;

    static Path pdf;
    static String text;

    @BeforeAll
    static void render() {
        pdf = out.resolve("ban-tin-2022-tinh-en.pdf");
        new JasperRenderer(TEMPLATES).renderProvincePdf(englishParameters(), Labels.load(TEMPLATES, "en"), pdf);
        text = PdfContent.text(pdf);
    }

    /** Words of the label file that the run puts into the rows itself; SampleParameters holds the Vietnamese ones. */
    static final Map<String, String> ROW_WORDS = Map.of(
            "Đạt", "Met", "Chưa đạt", "Not met",
            SampleParameters.PROVINCE, "Provincial level", SampleParameters.DISTRICT, "District level",
            SampleParameters.COMMUNE, "Commune level", "Toàn tỉnh", "Province-wide",
            "Đầy đủ", "Complete", "Có dòng bị loại", "Rows rejected");

    /** The 2022 sample as a run with language=en would pass it: the period, province and row words in English. */
    static Map<String, Object> englishParameters() {
        Map<String, Object> p = new HashMap<>(SampleParameters.year2022());
        p.put("periodLabel", "2022");
        p.put("provinceName", "Bắc Ninh province");
        p.replaceAll((name, value) -> value instanceof List<?> rows ? englishRows(rows) : value);
        return p;
    }

    private static Object englishRows(List<?> rows) {
        if (rows.stream().anyMatch(r -> !(r instanceof Map<?, ?>))) {
            return rows;
        }
        List<Map<String, Object>> english = new ArrayList<>();
        for (Object row : rows) {
            Map<String, Object> copy = new HashMap<>();
            ((Map<?, ?>) row).forEach((k, v) -> copy.put((String) k, v instanceof String w ? ROW_WORDS.getOrDefault(w, w) : v));
            english.add(copy);
        }
        return english;
    }

    @Test
    void hasExactlyTheKeysOfTheVietnameseLabels() throws IOException {
        Set<String> vi = new TreeSet<>(read(VI).stringPropertyNames());
        Set<String> en = new TreeSet<>(read(EN).stringPropertyNames());
        Set<String> missing = new TreeSet<>(vi);
        missing.removeAll(en);
        Set<String> extra = new TreeSet<>(en);
        extra.removeAll(vi);
        assertAll(() -> assertEquals(Set.of(), missing, "keys of bulletin_vi.properties missing in bulletin_en.properties"),
                () -> assertEquals(Set.of(), extra, "keys of bulletin_en.properties that bulletin_vi.properties does not have"));
    }

    @Test
    void everyValueIsAPatternWithTheVietnameseArguments() throws IOException {
        Properties vi = read(VI);
        Properties en = read(EN);
        List<Executable> checks = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            checks.add(() -> {
                String value = en.getProperty(key);
                Set<Integer> english = arguments(key, value);
                if (vi.containsKey(key)) {
                    assertEquals(arguments(key, vi.getProperty(key)), english, key + ": arguments {n} differ from the Vietnamese");
                }
                assertEquals(Normalizer.normalize(value, Normalizer.Form.NFC), value, key + " is not NFC");
            });
        }
        assertAll(checks);
    }

    @Test
    void sheetNamesAreValidInExcel() throws IOException {
        Properties en = read(EN);
        assertAll(Stream.of("sheet.summary", "sheet.documents", "sheet.services", "sheet.feedback", "sheet.categories", "unit.sheet")
                .map(key -> (Executable) () -> {
                    String name = en.getProperty(key).strip();
                    assertTrue(!name.isEmpty() && name.length() <= 31, key + " = '" + name + "' must have 1 to 31 characters");
                    assertTrue(!name.matches(".*[:\\\\/?*\\[\\]].*"), key + " = '" + name + "' uses one of : \\ / ? * [ ]");
                }));
    }

    @Test
    void templatesFormatTheirOwnNumbersAsTheFiguresAre() throws IOException {
        // The figures arrive formatted the Vietnamese way; the counts the templates format must look the same.
        assertEquals(read(VI).getProperty("bulletin.locale"), read(EN).getProperty("bulletin.locale"));
    }

    @Test
    void headerAndHeadingsAreInEnglish() {
        ResourceBundle en = Labels.load(TEMPLATES, "en");
        assertContainsAll(text, "SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness",
                "REPORT Results of key digital", "(data from 01/01/2022 to 31/12/2022)",
                en.getString("edoc.heading"), en.getString("dvc.heading"), en.getString("pakn.heading"),
                en.getString("quality.heading"));
        assertContainsAll(text, "(1). Electronic document processing", "(2). Online public services",
                "citizens’ feedback and petitions", "Bắc Ninh, 05/01/2023");
    }

    @Test
    void figuresKeepTheirVietnameseFormat() {
        assertContainsAll(text, "93,78%", "92,53%", "94,57%", "68,5%", "27,29%", "89,39%", "3,04",
                "The average rate was 93,78% at provincial level, 92,53% at district level and 94,57% at commune level.",
                "In 2022, 1.724 feedback items and petitions were received and 1.541 were processed; the processing rate was 89,39%.",
                // counts the template formats itself, with bulletin.locale
                "Sở Xây dựng 2.640 2.590 98,11% 90% Met", "UBND xã Ninh Xá 214 0 0% 60% Not met", "48.213");
    }

    @Test
    void noVietnameseWordingIsLeft() {
        assertAll(Stream.of("CỘNG HÒA", "Độc lập", "BẢN TIN", "Bảng 1", "Biểu đồ", "chưa có số liệu", "Chưa đạt", "Ghi chú", "/.")
                .map(word -> (Executable) () -> assertTrue(!text.contains(word), "PDF text still has '" + word + "'")));
    }

    @Test
    void noTextIsCutOff() {
        assertEquals(List.of(), FilledTexts.cut(() -> new JasperRenderer(TEMPLATES).fillProvince(englishParameters(),
                Labels.load(TEMPLATES, "en"))), "text that did not fit its box");
    }

    @Test
    void textStaysWithinTheMargins() {
        double[] extent = PdfContent.textExtent(pdf);
        assertTrue(extent[0] >= 85 - 0.5, "text starts at " + extent[0]);
        assertTrue(extent[1] <= 595 - 42 + 0.5, "text ends at " + extent[1]);
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /** The argument indexes a pattern uses (parsing fails on an invalid pattern): those whose marker shows when filled. */
    private static Set<Integer> arguments(String key, String pattern) {
        MessageFormat format;
        try {
            format = new MessageFormat(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(key + " = '" + pattern + "' is not a MessageFormat pattern: " + e.getMessage(), e);
        }
        Object[] markers = new Object[MAX_ARGUMENTS];
        for (int i = 0; i < MAX_ARGUMENTS; i++) {
            markers[i] = "\u0001" + i + "\u0002";
        }
        assertTrue(format.getFormatsByArgumentIndex().length <= MAX_ARGUMENTS, key + " uses more than " + MAX_ARGUMENTS + " arguments");
        String filled = format.format(markers);
        Set<Integer> used = new TreeSet<>();
        for (int i = 0; i < MAX_ARGUMENTS; i++) {
            if (filled.contains((String) markers[i])) {
                used.add(i);
            }
        }
        return used;
    }

    private static void assertContainsAll(String text, String... expected) {
        String haystack = Normalizer.normalize(text, Normalizer.Form.NFC);
        assertAll(Stream.of(expected).map(e -> (Executable)
                () -> assertTrue(haystack.contains(Normalizer.normalize(e, Normalizer.Form.NFC)), () -> "PDF text lacks '" + e + "'")));
    }
}
