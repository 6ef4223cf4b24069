package vn.bantin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.ConsoleSettings;
import vn.bantin.config.Settings;
import vn.bantin.store.Database;
import vn.bantin.store.SettableClock;

/**
 * The Templates and Recipients pages end to end: a real console on a real store and a copy of the templates folder,
 * GreenMail for the run, Debian's headless Chromium for what an editor does; plain HTTP for forged requests and the
 * API. In order: the label change is published before the broken upload, the screenshots come last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleEditorBrowserTest {
    static final String EDITOR_PASSWORD = "biên tập viên 2022";
    static final String OPERATOR_PASSWORD = "mật khẩu của vận hành";
    static final String NEW_TITLE = "BÁO CÁO THỬ NGHIỆM CỦA BIÊN TẬP";

    @TempDir
    static Path tmp;

    private final SettableClock clock = new SettableClock(Instant.parse("2023-01-05T01:00:00Z"));
    private GreenMail mail;
    private Database db;
    private ConsoleServer console;
    private String base;
    private Path templates;
    private Path config;
    private String editorToken;
    private String operatorToken;
    private String viewerToken;
    /** Pages for the screenshots, found on the way. */
    private String goodCandidate;
    private String brokenCandidate;

    @BeforeAll
    void start() throws IOException {
        int smtpPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            smtpPort = s.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        templates = tmp.resolve("templates");
        ConsoleKit.copyTree(Path.of("templates"), templates);
        config = Files.createDirectories(tmp.resolve("config"));
        String props = Files.readString(Path.of("config/bantin.properties"), StandardCharsets.UTF_8)
                + "\nsmtp.host=127.0.0.1\nsmtp.port=" + smtpPort + "\nsmtp.security=none\n"
                + vn.bantin.store.TestStores.properties(tmp.resolve("var"))
                + "out.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n"
                + "templates.dir=" + templates + "\n"
                + "console.listen=127.0.0.1:0\n";
        Files.writeString(config.resolve("bantin.properties"), props, StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n,Lãnh đạo,chutich@bacninh.gov.vn,province\n"
                + "SXD,Văn thư Sở Xây dựng,vanthu.sxd@bacninh.gov.vn,unit\n", StandardCharsets.UTF_8);
        Files.copy(Path.of("config/schedules.properties"), config.resolve("schedules.properties"));
        Settings settings = ConfigLoader.load(config);
        ConsoleSettings cs = ConfigLoader.console(config);
        db = Database.open(settings.store());
        UserAdmin admin = new UserAdmin(db.dataSource(), clock);
        admin.add("test", "ed", "editor", EDITOR_PASSWORD.toCharArray());
        admin.add("test", "op", "operator", OPERATOR_PASSWORD.toCharArray());
        admin.add("test", "vic", "viewer", "chỉ xem thôi nhé".toCharArray());
        editorToken = admin.newToken("test", "ed");
        operatorToken = admin.newToken("test", "op");
        viewerToken = admin.newToken("test", "vic");
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
    void anEditorChangesASentenceThroughTheFormSeesItInThePreviewPublishesRunsAndFindsItInThePdf() throws Exception {
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            signIn(browser, "ed", EDITOR_PASSWORD);
            browser.findElement(By.linkText("Mẫu bản tin")).click();
            browser.get(base + "/templates/wording?path=labels/bulletin_vi.properties");
            WebElement title = browser.findElement(By.id("text-doctype.BC"));
            assertEquals("BÁO CÁO", title.getAttribute("value"));
            title.clear();
            title.sendKeys(NEW_TITLE);
            browser.findElement(By.id("wording-stage")).click();
            new WebDriverWait(browser, Duration.ofMinutes(3), Duration.ofMillis(500))
                    .until(d -> d.getCurrentUrl().contains("/templates/candidates/"));
            goodCandidate = browser.getCurrentUrl().substring(base.length());
            assertTrue(browser.findElements(By.id("problems")).isEmpty(), browser.findElement(By.tagName("main")).getText());
            List<WebElement> pictures = browser.findElements(By.cssSelector("img.province-page"));
            assertFalse(pictures.isEmpty(), "the province bulletin's pages are shown as pictures");
            assertFalse(browser.findElements(By.cssSelector("img.unit-page")).isEmpty(), "and one unit's");
            assertTrue((Boolean) browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", pictures.get(0)),
                    "the picture loads through its route");
            String cookie = "bantin_session=" + browser.manage().getCookieNamed("bantin_session").getValue();
            byte[] pdf = ConsoleKit.get(browser.findElement(By.id("province-pdf")).getAttribute("href"), cookie);
            assertTrue(ConsoleKit.text(pdf).contains(NEW_TITLE), "the preview shows the new sentence");
            assertTrue(Files.readString(templates.resolve("labels/bulletin_vi.properties")).contains("doctype.BC = BÁO CÁO"),
                    "nothing is written before it is published");

            browser.findElement(By.id("publish")).click();
            browser.switchTo().alert().accept();
            new WebDriverWait(browser, Duration.ofMinutes(3)).until(d -> !d.findElements(By.cssSelector("p.notice")).isEmpty()
                    || !d.findElements(By.cssSelector("p.error")).isEmpty());
            assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().contains("templates/labels/bulletin_vi.properties nay là phiên bản 2 (xuất bản, do ed)"),
                    browser.findElement(By.tagName("main")).getText());
            assertTrue(Files.readString(templates.resolve("labels/bulletin_vi.properties")).contains("doctype.BC = " + NEW_TITLE));

            browser.findElement(By.linkText("Chạy ngay")).click();
            browser.findElement(By.cssSelector("input[name=bulletin][value=province]")).click();
            browser.findElement(By.id("mode-send")).click();
            browser.findElement(By.id("start")).click();
            new WebDriverWait(browser, Duration.ofMinutes(5), Duration.ofMillis(500))
                    .until(d -> !d.findElement(By.id("state")).getAttribute("data-state").matches("queued|running"));
            assertEquals("done", browser.findElement(By.id("state")).getAttribute("data-state"), browser.findElement(By.id("message")).getText());
            List<WebElement> pdfs = browser.findElements(By.cssSelector("#pdfs a"));
            assertFalse(pdfs.isEmpty());
            assertTrue(ConsoleKit.text(ConsoleKit.get(pdfs.get(0).getAttribute("href"), cookie)).contains(NEW_TITLE), "the bulletin made carries the new sentence");
            assertTrue(mail.waitForIncomingEmail(60_000, 1), "the leader received it");
        } finally {
            browser.quit();
        }
        assertTrue(audit().contains("ed template.publish labels/bulletin_vi.properties version 2"), audit());
    }

    @Test
    @Order(2)
    void anEditorUploadsABrokenJrxmlIsShownFileLineWhatAndCannotPublishIt() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(templates.resolve("unit.jrxml"), StandardCharsets.UTF_8));
        int line = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("<title")) {
                lines.set(i, lines.get(i).replaceFirst("<title", "<title <"));
                line = i + 1;
                break;
            }
        }
        Path broken = tmp.resolve("unit.jrxml");
        Files.writeString(broken, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(templates.resolve("unit.jrxml"));
        ChromeDriver browser = Browser.open(1280, 900);
        String cookie;
        String csrf;
        try {
            signIn(browser, "ed", EDITOR_PASSWORD);
            browser.get(base + "/templates");
            browser.findElement(By.id("upload-path")).sendKeys("unit.jrxml");
            browser.findElement(By.id("upload-file")).sendKeys(broken.toString());
            browser.findElement(By.id("upload-send")).click();
            new WebDriverWait(browser, Duration.ofMinutes(3), Duration.ofMillis(500))
                    .until(d -> d.getCurrentUrl().contains("/templates/candidates/"));
            brokenCandidate = browser.getCurrentUrl().substring(base.length());
            String problems = browser.findElement(By.id("problems")).getText();
            // in Vietnamese, the place, what kind of mistake, then the XML parser's own words
            assertTrue(problems.contains("templates/unit.jrxml:" + line + ": XML chưa đúng cú pháp"), problems);
            assertTrue(problems.contains("Thông báo gốc của trình đọc XML: not well-formed XML"), problems);
            assertTrue(browser.findElements(By.id("publish")).isEmpty(), "no publish button for a candidate with problems");
            assertTrue(browser.findElements(By.cssSelector("img.page")).isEmpty(), "and no preview");
            cookie = "bantin_session=" + browser.manage().getCookieNamed("bantin_session").getValue();
            csrf = browser.findElement(By.name("_csrf")).getAttribute("value");
        } finally {
            browser.quit();
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + brokenCandidate + "/publish"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, forged.statusCode(), "a forged publish of a candidate with problems is refused");
        assertTrue(forged.body().contains("not well-formed XML"), forged.body());
        String id = brokenCandidate.substring(brokenCandidate.lastIndexOf('/') + 1);
        HttpResponse<String> api = http.send(api("/api/templates/candidates/" + id + "/publish", editorToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(409, api.statusCode(), api.body());
        assertTrue(api.body().contains("unit.jrxml:" + line), api.body());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(templates.resolve("unit.jrxml"))), "the working template stays");
        assertFalse(audit().contains("template.publish unit.jrxml"), audit());
        HttpResponse<String> discard = http.send(api("/api/templates/candidates/" + id + "/discard", editorToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, discard.statusCode(), discard.body());
        assertTrue(audit().contains("ed template.discard unit.jrxml (candidate " + id + ")"), audit());
    }

    @Test
    @Order(3)
    void aViewerOrOperatorCannotSeeOrUseTheEditorsPages() throws Exception {
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            signIn(browser, "op", OPERATOR_PASSWORD);
            assertTrue(browser.findElements(By.linkText("Mẫu bản tin")).isEmpty(), "no Templates in the operator's menu");
            assertTrue(browser.findElements(By.linkText("Người nhận")).isEmpty(), "no Recipients either");
            browser.get(base + "/templates");
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("403"), browser.getPageSource());
            browser.get(base + "/recipients");
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("403"), browser.getPageSource());
        } finally {
            browser.quit();
        }
        HttpClient http = HttpClient.newHttpClient();
        for (String token : List.of(viewerToken, operatorToken)) {
            for (HttpRequest r : List.of(api("/api/templates", token).GET().build(), api("/api/recipients", token).GET().build(),
                    api("/api/templates/check?path=unit.jrxml", token).POST(HttpRequest.BodyPublishers.ofString("<x/>")).build(),
                    api("/api/templates/candidates/1/publish", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    api("/api/templates/rollback", token).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"path\":\"labels/bulletin_vi.properties\",\"version\":1}")).build(),
                    api("/api/recipients", token).PUT(HttpRequest.BodyPublishers.ofString("{\"rows\":[]}")).build())) {
                HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
                assertEquals(403, res.statusCode(), r.method() + " " + r.uri() + ": " + res.body());
            }
        }
        HttpResponse<String> mine = http.send(api("/api/templates", editorToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, mine.statusCode(), "the editor's token may: the 403s are the role");
        assertTrue(mine.body().contains("\"period\":\"2022-12\""), mine.body());
        // the label change of the first test rolled back to the file as it was, as a third version
        HttpResponse<String> back = http.send(api("/api/templates/rollback", editorToken).POST(HttpRequest.BodyPublishers.ofString(
                "{\"path\":\"labels/bulletin_vi.properties\",\"version\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(back.body().contains("\"version\":3"), back.body());
        assertTrue(Files.readString(templates.resolve("labels/bulletin_vi.properties")).contains("doctype.BC = BÁO CÁO\n"));
        assertTrue(audit().contains("ed template.rollback labels/bulletin_vi.properties to version 1 (now version 3)"), audit());
    }

    @Test
    @Order(4)
    void anEditorEditsTheRecipientsAndIsToldWhatIsWrongPerRow() throws Exception {
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            signIn(browser, "ed", EDITOR_PASSWORD);
            browser.findElement(By.linkText("Người nhận")).click();
            assertEquals(2 + 3, browser.findElements(By.cssSelector("table.recipients tbody tr")).size(), "two recipients and three blank rows");
            browser.findElement(By.name("unit_2")).sendKeys("KHONGCO");
            browser.findElement(By.name("name_2")).sendKeys("Ai đó");
            browser.findElement(By.name("email_2")).sendKeys("khong-phai-dia-chi");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("bulletins_2"))).selectByValue("unit");
            browser.findElement(By.name("unit_3")).sendKeys("SXD");
            browser.findElement(By.name("name_3")).sendKeys("Bản sao");
            browser.findElement(By.name("email_3")).sendKeys("vanthu.sxd@bacninh.gov.vn");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("bulletins_3"))).selectByValue("unit");
            browser.findElement(By.id("recipients-save")).click();
            String error = browser.findElement(By.cssSelector("p.error")).getText();
            assertTrue(error.contains("hàng 3, Đơn vị: đơn vị “KHONGCO” không có"), error);
            assertTrue(error.contains("hàng 3, Địa chỉ thư: “khong-phai-dia-chi” không phải"), error);
            assertTrue(error.contains("hàng 4, Địa chỉ thư"), error);
            assertFalse(browser.findElements(By.cssSelector("tr.bad .problem")).isEmpty(), "the rows are marked");
            assertFalse(Files.readString(config.resolve("recipients.csv")).contains("KHONGCO"), "nothing written");

            // fix: the bad row removed, the second copy given another address
            browser.findElement(By.name("remove_2")).click();
            WebElement email = browser.findElement(By.name("email_3"));
            email.clear();
            email.sendKeys("giamdoc.sxd@bacninh.gov.vn");
            browser.findElement(By.id("recipients-save")).click();
            assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().contains("Đã lưu recipients.csv với 3 người nhận, thành phiên bản"),
                    browser.findElement(By.tagName("main")).getText());
        } finally {
            browser.quit();
        }
        String csv = Files.readString(config.resolve("recipients.csv"));
        assertTrue(csv.contains("SXD,Bản sao,giamdoc.sxd@bacninh.gov.vn,unit"), csv);
        assertFalse(csv.contains("KHONGCO"), csv);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> export = http.send(api("/api/recipients/export", editorToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(csv, export.body(), "the export is the file");
        HttpResponse<String> imported = http.send(api("/api/recipients/import", editorToken).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("unit,name,email,bulletins\nXYZ,A,a@b.vn,unit\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("line 2"), imported.body());
        assertTrue(audit().contains("ed recipients.save recipients.csv"), audit());
    }

    /** The editor's pages at 1280 and 390 px, as an editor sees them, in Vietnamese. */
    @Test
    @Order(5)
    void screenshotsOfTheEditorsPages() throws Exception {
        Path folder = Files.createDirectories(Path.of(ConsoleBrowserTest.screenshotFolder()));
        // a candidate waiting with its preview, staged through the API, watched in the browser until it is made
        HttpResponse<String> staged = HttpClient.newHttpClient().send(api("/api/templates/wording", editorToken).POST(
                HttpRequest.BodyPublishers.ofString("{\"path\":\"labels/bulletin_vi.properties\",\"changes\":{\"doctype.BC\":"
                        + "\"BÁO CÁO TỈNH BẮC NINH\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, staged.statusCode(), staged.body());
        String staging = staged.body().replaceAll(".*\"staging\":\"/api/templates/stagings/([^\"]+)\".*", "$1");
        String candidate;
        ChromeDriver watcher = Browser.open(1280, 900);
        try {
            signIn(watcher, "ed", EDITOR_PASSWORD);
            watcher.get(base + "/templates/staging/" + staging);
            if (watcher.getCurrentUrl().contains("/templates/staging/")) {
                ConsoleBrowserTest.shoot(watcher, folder.resolve("staging-desktop.png"), 1280);
            }
            new WebDriverWait(watcher, Duration.ofMinutes(3), Duration.ofMillis(500))
                    .until(d -> d.getCurrentUrl().contains("/templates/candidates/"));
            candidate = watcher.getCurrentUrl().substring(base.length());
        } finally {
            watcher.quit();
        }
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("templates", "/templates");
        pages.put("template-history", "/templates/file?path=labels/bulletin_vi.properties");
        pages.put("wording", "/templates/wording?path=email/email_vi.properties");
        pages.put("candidate", candidate);
        pages.put("candidate-problems", brokenCandidate);
        pages.put("recipients", "/recipients");
        for (Map.Entry<String, Integer> width : Map.of("desktop", 1280, "phone", 390).entrySet()) {
            ChromeDriver browser = Browser.open(width.getValue(), 900);
            try {
                signIn(browser, "ed", EDITOR_PASSWORD);
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.get(base + page.getValue());
                    assertFalse(browser.findElement(By.tagName("h1")).getText().contains("404"), page.getKey());
                    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> (Boolean) ((ChromeDriver) d).executeScript(
                            "return Array.from(document.images).every(function (i) { return i.complete; });"));
                    long wider = (Long) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                    assertTrue(wider <= 0, page.getKey() + " at " + width.getKey() + " width is " + wider + " px wider than the screen");
                    ConsoleBrowserTest.shoot(browser, folder.resolve(page.getKey() + "-" + width.getKey() + ".png"), width.getValue());
                }
            } finally {
                browser.quit();
            }
        }
    }

    // ---- helpers

    private String audit() {
        return new vn.bantin.store.AuditTrail(db.dataSource(), clock).recent(50).stream()
                .map(a -> a.actor() + " " + a.action() + " " + a.details()).collect(Collectors.joining("\n"));
    }

    private void signIn(WebDriver browser, String name, String password) {
        browser.get(base + "/login");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().endsWith("/login")
                || !d.findElements(By.cssSelector("p.error")).isEmpty());
        assertEquals(base + "/", browser.getCurrentUrl());
    }

    private HttpRequest.Builder api(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

}
