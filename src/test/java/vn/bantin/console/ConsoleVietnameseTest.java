package vn.bantin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.store.ConsoleUsers;
import vn.bantin.store.Database;
import vn.bantin.store.SettableClock;
import vn.bantin.store.TestStores;

/**
 * The console in Vietnamese, through its server as a browser asks it: every page, every refusal, the error pages
 * and a failed run's progress hold no sentence of the English labels, and each refusal or error is worded without
 * English, but for the original message of a library, shown after "Thông báo gốc". Without a browser.
 */
class ConsoleVietnameseTest {
    private static final String PASSWORD = "mật khẩu của quản trị";
    private static final Path TEMPLATES = Path.of("templates");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();
    private String base;
    private String cookie;
    private String csrf;

    @Test
    void everyPageAndRefusalInVietnameseHoldsNoEnglishSentence() throws Exception {
        Path config = SampleConsoleConfig.in(tmp);
        Settings settings = ConfigLoader.load(config);
        SettableClock clock = new SettableClock(Instant.parse("2023-01-05T01:00:00Z"));
        List<String> english = englishSentences();
        try (TestStores.Fresh fresh = TestStores.fresh(tmp.resolve("var")); Database db = fresh.open()) {
            new UserAdmin(db.dataSource(), clock).add("test", "root", "admin", PASSWORD.toCharArray());
            new UserAdmin(db.dataSource(), clock).add("test", "xem", "viewer", "chỉ được xem thôi".toCharArray());
            try (ConsoleServer console = ConsoleServer.start(settings, ConfigLoader.console(config), db.dataSource(), config, clock)) {
                base = "http://127.0.0.1:" + console.port();
                cookie = signIn("root", PASSWORD);
                csrf = field(send(get("/users")).body(), "_csrf");

                // actions that leave a trail, and refusals, each shown on a page of its own
                List<HttpResponse<String>> refusals = new ArrayList<>();
                assertEquals(302, send(post("/users", "name", "hoa.editor", "role", "editor", "password", "mười ký tự trở lên")).statusCode());
                long hoa = new ConsoleUsers(db.dataSource(), clock).find("hoa.editor").orElseThrow().id();
                assertEquals(302, send(post("/users/" + hoa + "/role", "role", "operator")).statusCode());
                assertEquals(302, send(post("/users/" + hoa + "/disable")).statusCode());
                assertEquals(302, send(post("/users/" + hoa + "/enable")).statusCode());
                assertEquals(200, send(post("/users/" + hoa + "/token")).statusCode());
                refusals.add(send(post("/users", "name", "có dấu cách", "role", "editor", "password", "mười ký tự trở lên")));
                refusals.add(send(post("/users", "name", "ngan", "role", "editor", "password", "ngắn")));
                refusals.add(send(post("/users", "name", "lan", "role", "boss", "password", "mười ký tự trở lên")));
                refusals.add(send(post("/users", "name", "hoa.editor", "role", "editor", "password", "mười ký tự trở lên")));
                refusals.add(send(post("/users/1/role", "role", "viewer")));
                refusals.add(send(post("/users/999/role", "role", "viewer")));
                refusals.add(send(post("/users/999/token")));
                refusals.add(send(post("/users/1/frobnicate")));
                refusals.add(send(post("/run-now", "bulletin", "weekly", "period", "2022-12", "mode", "send")));
                refusals.add(send(post("/run-now", "bulletin", "one", "period", "2022-12", "mode", "send")));
                refusals.add(send(post("/run-now", "bulletin", "one", "unit", "KHONG-CO", "period", "2022-12", "mode", "send")));
                refusals.add(send(post("/run-now", "bulletin", "unit", "period", "2022-12", "mode", "preview")));
                for (String period : List.of("2022-13", "2022-Q5", "2022-02-30..2022-03-01", "2022-03-01..2022-02-01", "tháng 3")) {
                    refusals.add(send(post("/run-now", "bulletin", "province", "period", period, "mode", "send")));
                    refusals.add(send(get("/data?period=" + URLEncoder.encode(period, StandardCharsets.UTF_8))));
                }
                refusals.add(send(post("/runs/khong-co/resend", "which", "all")));
                refusals.add(send(post("/schedules/khong-co/pause")));
                refusals.add(send(post("/schedules/khong-co/explode")));
                refusals.add(send(post("/users/abc/role", "role", "viewer"))); // an unexpected error: 500
                refusals.add(send(get("/khong-co-trang-nay")));
                refusals.add(send(get("/runs/khong-co")));
                refusals.add(send(get("/files?path=khong-co.pdf")));
                refusals.add(send(get("/templates/candidates/999")));
                refusals.add(send(get("/templates/staging/khong-co")));
                refusals.add(send(HttpRequest.newBuilder(URI.create(base + "/users/1/disable")).header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.noBody()).build())); // no form token
                String viewer = signIn("xem", "chỉ được xem thôi");
                refusals.add(send(HttpRequest.newBuilder(URI.create(base + "/users")).header("Cookie", viewer).build()));
                for (HttpResponse<String> r : refusals) {
                    String where = r.request().method() + " " + r.request().uri().getPath() + " (" + r.statusCode() + ")";
                    assertTrue(r.statusCode() >= 400, where + " is refused");
                    String said = text(between(r.body(), "<p class=\"error\" role=\"alert\">", "</p>"));
                    assertFalse(said.isBlank(), where + " says why: " + r.body());
                    assertNoEnglish(where, said, english);
                    assertNoEnglishWords(where, said);
                }

                // a run that stops at once (no data for 2030-01): its progress, as the page polls it, says why in Vietnamese
                HttpResponse<String> started = send(post("/run-now", "bulletin", "province", "period", "2030-01", "mode", "send"));
                assertEquals(302, started.statusCode(), started.body());
                String live = started.headers().firstValue("Location").orElseThrow();
                Map<?, ?> progress = Map.of();
                for (int i = 0; i < 600 && !"failed".equals(progress.get("state")) && !"done".equals(progress.get("state")); i++) {
                    Thread.sleep(100);
                    progress = new ObjectMapper().readValue(send(get(live + "/progress")).body(), Map.class);
                }
                assertEquals("failed", progress.get("state"), progress.toString());
                String message = String.valueOf(progress.get("message"));
                assertTrue(message.startsWith("Lần chạy dừng lại"), message);
                assertNoEnglishWords(live, message);
                HttpResponse<String> ended = send(HttpRequest.newBuilder(URI.create(base + live + "/progress"))
                        .header("Accept", "application/json").build());
                assertEquals(401, ended.statusCode(), "the page's poll without a session");
                assertTrue(ended.body().contains("hãy đăng nhập lại"), ended.body());
                Map<?, ?> api = new ObjectMapper().readValue(send(get("/api/progress/" + live.substring(live.lastIndexOf('/') + 1)))
                        .body(), Map.class);
                assertFalse(String.valueOf(api.get("message")).contains("Lần chạy"), "the JSON API answers in English: " + api);

                // every page, the audit trail of the actions above among them
                for (String page : List.of("/", "/runs", "/run-now", live, "/schedules", "/data", "/data?period=2022-12", "/users",
                        "/audit", "/templates", "/templates/file?path=unit.jrxml", "/templates/wording?path=labels/bulletin_vi.properties",
                        "/recipients", "/login")) {
                    HttpResponse<String> r = send(get(page));
                    assertEquals(200, r.statusCode(), page);
                    assertNoEnglish(page, text(between(r.body(), "<main>", "</main>")), english);
                }
                String audit = text(between(send(get("/audit")).body(), "<main>", "</main>"));
                for (String shown : List.of("hoa.editor với vai trò Biên tập", "hoa.editor: từ Biên tập thành Vận hành",
                        "bản tin tỉnh, kỳ 2030-01")) {
                    assertTrue(audit.contains(shown), "the audit trail words its details: " + shown + " in " + audit);
                }
                assertNoEnglishWords("/audit", between(audit, "Chi tiết", "\u0000"));
            }
        }
    }

    /** Sentences of the English labels (parts between values of three words or more) that differ from the Vietnamese. */
    private static List<String> englishSentences() {
        Properties en = ConsoleLabels.read(TEMPLATES, "en");
        Properties vi = ConsoleLabels.read(TEMPLATES, "vi");
        TreeSet<String> out = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            if (en.getProperty(key).equals(vi.getProperty(key))) {
                continue;
            }
            for (String part : en.getProperty(key).replace("''", "'").split("\\{\\d+[^}]*\\}|[.:;()]")) {
                String p = part.strip();
                if (p.split("\\s+").length >= 3 && p.matches(".*[a-z].*")) {
                    out.add(p);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void assertNoEnglish(String where, String text, List<String> english) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<String> found = english.stream().filter(s -> lower.contains(s.toLowerCase(Locale.ROOT))).toList();
        assertTrue(found.isEmpty(), where + " shows English label text " + found + " in: " + text);
    }

    /** Common English words, outside what a library said (after "Thông báo gốc"), quoted values and codes. */
    private static final Pattern ENGLISH_WORDS = Pattern.compile(
            "\\b(the|is|not|no|of|to|use|known|needs|may|this|there|such|run|user|role|choose|write|already|exists|period)\\b",
            Pattern.CASE_INSENSITIVE);

    private static void assertNoEnglishWords(String where, String said) {
        String own = said.replaceAll("(?s)Thông báo gốc.*", "").replaceAll("“[^”]*”", "").replaceAll("\\([^)]*\\)", "");
        Matcher m = ENGLISH_WORDS.matcher(own);
        assertFalse(m.find(), where + ": English left in a Vietnamese sentence: " + said);
    }

    private String signIn(String name, String password) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "name=" + name + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bantin_session=")).findFirst()
                .orElseThrow().replaceAll(";.*", "");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build();
    }

    private HttpRequest post(String path, String... fields) {
        List<String> pairs = new ArrayList<>(List.of("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)));
        for (int i = 0; i < fields.length; i += 2) {
            pairs.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&")))).build();
    }

    private HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        if (a < 0) {
            return "";
        }
        int b = s.indexOf(to, a + from.length());
        return s.substring(a + from.length(), b < 0 ? s.length() : b);
    }

    /**
     * The text a person reads: tags out, entities back; without what the page marks as English on purpose ({@code
     * <span lang="en">}: a run's own record, kept in English for the CLI, shown after a Vietnamese lead).
     */
    private static String text(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<span lang=\"en\">.*?</span>", " [en] ").replaceAll("<[^>]+>", " ").replace("&#34;", "\"").replace("&#39;", "'")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
