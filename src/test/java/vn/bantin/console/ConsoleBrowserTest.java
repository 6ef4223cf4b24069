package vn.bantin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.ConsoleSettings;
import vn.bantin.config.Settings;
import vn.bantin.store.Database;
import vn.bantin.store.SettableClock;

/**
 * The console end to end, as its users meet it: a real console on a real store, real SMTP (GreenMail), and
 * Debian's headless Chromium for what a person does in the browser; plain HTTP for what a script or an attacker
 * does. The tests run in order: the operator's run comes first, the throttled logins last (they block the address).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final List<String> LEADERS = List.of("chutich@bacninh.gov.vn", "vanphong.ubnd@bacninh.gov.vn");
    static final String OPERATOR_PASSWORD = "mật khẩu của vận hành";
    static final String VIEWER_PASSWORD = "chỉ xem thôi nhé";
    static final String ADMIN_PASSWORD = "quản trị viên 2022";

    @TempDir
    static Path tmp;

    private final SettableClock clock = new SettableClock(Instant.parse("2023-01-05T01:00:00Z"));
    private GreenMail mail;
    private Database db;
    private ConsoleServer console;
    private String base;
    private String viewerToken;
    private String operatorToken;
    /** The operator's progress page, for the screenshots. */
    private String progressPage;

    @BeforeAll
    void start() throws IOException {
        int smtpPort = freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path config = Files.createDirectories(tmp.resolve("config"));
        String props = Files.readString(Path.of("config/bantin.properties"), StandardCharsets.UTF_8)
                + "\nsmtp.host=127.0.0.1\nsmtp.port=" + smtpPort + "\nsmtp.security=none\n"
                + vn.bantin.store.TestStores.properties(tmp.resolve("var"))
                + "out.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n"
                + "console.listen=127.0.0.1:0\n";
        Files.writeString(config.resolve("bantin.properties"), props, StandardCharsets.UTF_8);
        StringBuilder recipients = new StringBuilder("unit,name,email,bulletins\n");
        LEADERS.forEach(e -> recipients.append(",Lãnh đạo,").append(e).append(",province\n"));
        recipients.append("SXD,Văn thư Sở Xây dựng,vanthu.sxd@bacninh.gov.vn,unit\n");
        Files.writeString(config.resolve("recipients.csv"), recipients, StandardCharsets.UTF_8);
        Files.copy(Path.of("config/schedules.properties"), config.resolve("schedules.properties"));
        Settings settings = ConfigLoader.load(config);
        ConsoleSettings cs = ConfigLoader.console(config);
        db = Database.open(settings.store());
        UserAdmin admin = new UserAdmin(db.dataSource(), clock);
        admin.add("test", "op", "operator", OPERATOR_PASSWORD.toCharArray());
        admin.add("test", "vic", "viewer", VIEWER_PASSWORD.toCharArray());
        admin.add("test", "root", "admin", ADMIN_PASSWORD.toCharArray());
        viewerToken = admin.newToken("test", "vic");
        operatorToken = admin.newToken("test", "op");
        console = ConsoleServer.start(settings, cs, db.dataSource(), config, clock);
        base = "http://127.0.0.1:" + console.port();
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
        if (db != null) {
            db.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    @Order(1)
    void anOperatorRunsTheDecemberProvinceBulletinWatchesItFinishAndTheLeadersReceiveIt() throws Exception {
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            signIn(browser, "op", OPERATOR_PASSWORD);
            browser.findElement(By.linkText("Chạy ngay")).click();
            assertEquals("2022-12", browser.findElement(By.id("period")).getAttribute("value"),
                    "the previous closed month is preselected");
            browser.findElement(By.cssSelector("input[name=bulletin][value=province]")).click();
            browser.findElement(By.id("mode-send")).click();
            browser.findElement(By.id("start")).click();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(5), Duration.ofMillis(500));
            wait.until(d -> !d.findElement(By.id("state")).getAttribute("data-state").matches("queued|running"));
            assertEquals("done", browser.findElement(By.id("state")).getAttribute("data-state"),
                    browser.findElement(By.id("message")).getText());
            assertEquals("đã xong", browser.findElement(By.id("state")).getText());
            assertEquals("2", browser.findElement(By.id("sent")).getText());
            progressPage = browser.getCurrentUrl();
            assertTrue(Long.parseLong(browser.findElement(By.id("rows")).getText().replaceAll("\\D", "")) > 1000,
                    "rows read are shown");
            List<WebElement> pdfs = browser.findElements(By.cssSelector("#pdfs a"));
            assertFalse(pdfs.isEmpty(), "the PDF made is linked");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfs.get(0).getAttribute("href")))
                    .header("Cookie", "bantin_session=" + browser.manage().getCookieNamed("bantin_session").getValue()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        } finally {
            browser.quit();
        }
        Set<String> to = new TreeSet<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            for (Address a : m.getAllRecipients()) {
                to.add(((jakarta.mail.internet.InternetAddress) a).getAddress());
            }
        }
        assertEquals(new TreeSet<>(LEADERS), to, "each leader received the province bulletin, and nobody else got mail");
        String audit = new vn.bantin.store.AuditTrail(db.dataSource(), clock).recent(10).stream()
                .map(a -> a.actor() + " " + a.action() + " " + a.details()).collect(Collectors.joining("\n"));
        assertTrue(audit.contains("op run province 2022-12"), audit);
    }

    @Test
    @Order(2)
    void aViewerIsOfferedNoRunNorResendAndTheApiAnswers403() throws Exception {
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            signIn(browser, "vic", VIEWER_PASSWORD);
            assertTrue(browser.findElements(By.linkText("Chạy ngay")).isEmpty(), "no Run now in the menu");
            browser.findElement(By.linkText("Các lần chạy")).click();
            List<WebElement> runs = browser.findElements(By.cssSelector("table.runs tbody a"));
            assertFalse(runs.isEmpty(), "the viewer sees the runs");
            runs.get(0).click();
            assertFalse(browser.findElements(By.cssSelector("table.deliveries tbody tr")).isEmpty(), "and their deliveries");
            assertTrue(browser.findElements(By.cssSelector("button.resend, #resend-failed")).isEmpty(), "but no resend button");
            browser.get(base + "/run-now");
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("403"), browser.getPageSource());
            browser.get(base + "/schedules");
            assertTrue(browser.findElements(By.cssSelector("table.schedules button")).isEmpty(), "no pause button");
        } finally {
            browser.quit();
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> list = http.send(api("/api/runs", viewerToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode(), list.body());
        String runId = firstRunId(list.body());
        HttpResponse<String> run = http.send(api("/api/run", viewerToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"bulletin\":\"province\",\"period\":\"2022-12\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, run.statusCode(), run.body());
        HttpResponse<String> resend = http.send(api("/api/runs/" + runId + "/resend", viewerToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, resend.statusCode(), resend.body());
        HttpResponse<String> pause = http.send(api("/api/schedules/monthly/pause", viewerToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, pause.statusCode(), pause.body());
        // the operator's token may: the 403 above is the role, not a broken endpoint
        HttpResponse<String> deliveries = http.send(api("/api/runs/" + runId + "/deliveries", operatorToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deliveries.statusCode());
        assertTrue(deliveries.body().contains("\"status\":\"sent\""), deliveries.body());
    }

    @Test
    @Order(3)
    void theApiWithoutASessionOrTokenAnswers401() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api/runs", "/api/schedules", "/api/openapi.json")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), path);
        }
        HttpResponse<String> forged = http.send(api("/api/runs", "bt_not-a-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode());
        HttpResponse<String> doc = http.send(api("/api/openapi.json", viewerToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("\"/api/runs/{id}/resend\""));
    }

    @Test
    @Order(4)
    void aStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String cookie = login(http, "op", OPERATOR_PASSWORD).orElseThrow();
        int auditBefore = new vn.bantin.store.AuditTrail(db.dataSource(), clock).recent(1000).size();
        HttpResponse<String> without = http.send(form("/run-now", cookie, Map.of("bulletin", "province", "period", "2022-11",
                "periodKind", "key", "mode", "send")), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, without.statusCode());
        assertTrue(without.body().contains("Yêu cầu bị từ chối"), without.body());
        HttpResponse<String> wrong = http.send(form("/run-now", cookie, Map.of("_csrf", "forged", "bulletin", "province",
                "period", "2022-11", "periodKind", "key", "mode", "send")), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base + "/api/run")).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"bulletin\":\"province\","
                        + "\"period\":\"2022-11\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, json.statusCode(), "the API with a session cookie needs the token too");
        assertEquals(auditBefore, new vn.bantin.store.AuditTrail(db.dataSource(), clock).recent(1000).size(), "nothing was done");
        // with the page's token the same session gets through to the action (refused there for its bad period)
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/run-now")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find());
        HttpResponse<String> with = http.send(form("/run-now", cookie, Map.of("_csrf", m.group(1), "bulletin", "province",
                "period", "not-a-period", "periodKind", "key", "mode", "preview")), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, with.statusCode());
    }

    /**
     * Each page at desktop (1280) and phone (390) width, whole height, as the admin sees it (every menu item), in
     * Vietnamese, into the folder of {@code -Dbantin.screenshots=docs/screenshots} (only when asked).
     */
    @Test
    @Order(5)
    void screenshotsOfEveryPageAtDesktopAndPhoneWidth() throws Exception {
        Path folder = Files.createDirectories(Path.of(ConsoleBrowserTest.screenshotFolder()));
        String runId = firstRunId(HttpClient.newHttpClient().send(api("/api/runs", viewerToken).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("run-now", "/run-now");
        pages.put("progress", progressPage == null ? "/run-now" : progressPage.substring(base.length()));
        pages.put("runs", "/runs");
        pages.put("run", "/runs/" + runId);
        pages.put("schedules", "/schedules");
        pages.put("data", "/data?period=2022-12");
        pages.put("users", "/users");
        pages.put("audit", "/audit");
        for (Map.Entry<String, Integer> width : Map.of("desktop", 1280, "phone", 390).entrySet()) {
            ChromeDriver browser = Browser.open(width.getValue(), 900);
            try {
                browser.get(base + "/login");
                shoot(browser, folder.resolve("login-" + width.getKey() + ".png"), width.getValue());
                signIn(browser, "root", ADMIN_PASSWORD);
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.get(base + page.getValue());
                    assertFalse(browser.findElement(By.tagName("h1")).getText().isBlank(), page.getKey());
                    long wider = (Long) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                    assertTrue(wider <= 0, page.getKey() + " at " + width.getKey() + " width is " + wider + " px wider than the screen");
                    shoot(browser, folder.resolve(page.getKey() + "-" + width.getKey() + ".png"), width.getValue());
                }
            } finally {
                browser.quit();
            }
        }
    }

    /** The folder of {@code -Dbantin.screenshots=…}; without it the screenshot tests are skipped: they are made when asked. */
    static String screenshotFolder() {
        String folder = System.getProperty("bantin.screenshots");
        org.junit.jupiter.api.Assumptions.assumeTrue(folder != null && !folder.isBlank(),
                "screenshots are made only when asked: -Dbantin.screenshots=docs/screenshots");
        return folder;
    }

    /** The whole page at {@code width}, as a phone or desktop of that width shows it (Chrome's device metrics). */
    static void shoot(ChromeDriver browser, Path file, int width) throws IOException {
        boolean phone = width < 700;
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", phone));
        long height = (Long) browser.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", (int) Math.min(8000, Math.max(600, height)), "deviceScaleFactor", 1, "mobile", phone));
        Files.write(file, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    @Order(6)
    void anOperatorPausesAndResumesASchedule() throws Exception {
        try (vn.bantin.schedule.BulletinScheduler client = vn.bantin.schedule.BulletinScheduler.client(db.dataSource(),
                vn.bantin.schedule.Schedules.load(tmp.resolve("config"), java.time.ZoneId.of("Asia/Ho_Chi_Minh")), clock)) {
            client.reconcile(); // as serve does at start: the schedules of the config into the store
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> pause = http.send(api("/api/schedules/monthly/pause", operatorToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, pause.statusCode(), pause.body());
        String cookie = login(http, "op", OPERATOR_PASSWORD).orElseThrow();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/schedules")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("action=\"/schedules/monthly/resume\""), "the paused schedule offers Resume");
        assertTrue(page.contains("tạm dừng"), page);
        HttpResponse<String> resume = http.send(api("/api/schedules/monthly/resume", operatorToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resume.statusCode());
        String list = http.send(api("/api/schedules", viewerToken).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(list.contains("\"name\":\"monthly\"") && !list.contains("\"paused\":true"), list);
        String audit = new vn.bantin.store.AuditTrail(db.dataSource(), clock).recent(10).stream()
                .map(a -> a.actor() + " " + a.action() + " " + a.details()).collect(Collectors.joining("\n"));
        assertTrue(audit.contains("op schedule.pause monthly") && audit.contains("op schedule.resume monthly"), audit);
    }

    @Test
    @Order(7)
    void anOperatorResendsOneLeadersCopyAndOnlyThatLeaderGetsASecondMessage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String runId = firstRunId(http.send(api("/api/runs", operatorToken).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        int before = mail.getReceivedMessages().length;
        HttpResponse<String> resend = http.send(api("/api/runs/" + runId + "/resend", operatorToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + LEADERS.get(0) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, resend.statusCode(), resend.body());
        assertTrue(mail.waitForIncomingEmail(300_000, before + 1), "the resent message arrives");
        Map<String, Long> copies = new java.util.TreeMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            copies.merge(((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress(), 1L, Long::sum);
        }
        assertEquals(Map.of(LEADERS.get(0), 2L, LEADERS.get(1), 1L), copies, "a second copy for the one asked for, none for the other");
        HttpResponse<String> unknown = http.send(api("/api/runs/" + runId + "/resend", operatorToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"nobody@example.org\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode(), "an address the run did not send to is refused with the reason");
        assertTrue(unknown.body().contains("nobody@example.org"), unknown.body());
    }

    @Test
    @Order(8)
    void theDataPageSaysTheDataCheckInTheReadersLanguageVietnameseByDefault() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String cookie = login(http, "vic", VIEWER_PASSWORD).orElseThrow();
        String vi = pageText(http, "/data?period=2022-12", cookie);
        assertTrue(vi.contains("documents.csv Định dạng CSV UTF-8 Số dòng đọc 72.893 = tính 72.890 + loại 3 (0,00%, giới hạn 1%)"), vi);
        assertTrue(vi.contains("3 dòng: không phải ngày hợp lệ: cần dạng yyyy-MM-dd hoặc dd/MM/yyyy"), vi);
        assertTrue(vi.contains("dòng 19202, cột id, giá trị “HS22-004801”: trùng id: một dòng trước đó có cùng giá trị"), vi);
        assertTrue(vi.contains("kênh tiếp nhận không rõ"), vi);
        assertTrue(vi.contains("ĐẠT: lần chạy kỳ 2022-12 sẽ tiếp tục với các tệp xuất này"), vi);
        for (String english : List.of(" read ", "counted", "rejected", "limit", "not a valid date", "duplicate", "unknown channel",
                "e.g.", "OK:", "would go on", "Columns", "Dates")) {
            assertFalse(vi.contains(english), "English '" + english + "' on the Vietnamese Data page: " + vi);
        }
        String en = pageText(http, "/data?period=2022-12&lang=en", cookie);
        assertTrue(en.contains("Rows 72,893 read = 72,890 counted + 3 rejected (0.00%, limit 1%)"), en);
        assertTrue(en.contains("OK: a run of 2022-12 would go on with these exports"), en);
    }

    /** A page as its reader sees the words: tags dropped, entities and spaces as text. */
    private String pageText(HttpClient http, String path, String cookie) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replaceAll("(?s)<head>.*</head>", " ").replaceAll("<[^>]+>", " ").replace("&quot;", "\"")
                .replace("&#34;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ");
    }

    @Test
    @Order(9)
    void tenWrongPasswordsSlowTheLogin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = http.send(form("/login", null, Map.of("name", "vic", "password", "guess " + i)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), "wrong password " + (i + 1));
        }
        HttpResponse<String> right = http.send(form("/login", null, Map.of("name", "vic", "password", VIEWER_PASSWORD)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(429, right.statusCode(), "after ten wrong ones even the right password waits");
        assertTrue(right.body().contains("thử lại sau 31 giây"), right.body());
        assertTrue(login(http, "root", ADMIN_PASSWORD).isEmpty(), "the address is slowed too, for every name");
        clock.advance(Duration.ofSeconds(31));
        assertTrue(login(http, "vic", VIEWER_PASSWORD).isPresent(), "after the wait the right password signs in");
    }

    // ---- helpers

    private void signIn(WebDriver browser, String name, String password) {
        ConsoleKit.signIn(browser, base, name, password);
    }

    private java.util.Optional<String> login(HttpClient http, String name, String password) throws Exception {
        HttpResponse<String> r = http.send(form("/login", null, Map.of("name", name, "password", password)),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) {
            return java.util.Optional.empty();
        }
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bantin_session=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        return java.util.Optional.of(setCookie.substring(0, setCookie.indexOf(';')));
    }

    private HttpRequest form(String path, String cookie, Map<String, String> fields) {
        return ConsoleKit.form(base + path, cookie, fields);
    }

    private HttpRequest.Builder api(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static String firstRunId(String json) {
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
