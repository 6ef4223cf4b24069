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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import vn.bantin.cli.ServeProcess;
import vn.bantin.delivery.ReceivedAttachments;

/**
 * The "what it must show", end to end as on the province's server: the real {@code serve} in a JVM of its own
 * (one for the whole class) hosting the console on a free loopback port, a real SMTP server (GreenMail), users made
 * with the real {@code users add} while serve runs, and Debian's headless Chromium for what people do; plain HTTP
 * for what a script or an attacker does. In order: the throttled sign-ins come last (they hold back the address).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleServeTest {
    static final List<String> LEADERS = List.of("chutich@bacninh.gov.vn", "vanphong.ubnd@bacninh.gov.vn");
    static final Map<String, String> PASSWORDS = Map.of("op", "mật khẩu của vận hành", "ed", "biên tập viên 2022",
            "vic", "chỉ xem thôi nhé");
    static final String NEW_TITLE = "BÁO CÁO THỬ NGHIỆM CỦA BIÊN TẬP";

    @TempDir
    static Path tmp;

    private GreenMail mail;
    private ServeProcess serve;
    private Path templates;
    private String base;
    private String viewerToken;
    private String brokenCandidate;

    @BeforeAll
    void start() throws Exception {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        templates = tmp.resolve("templates");
        ConsoleKit.copyTree(Path.of("templates"), templates);
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"), StandardCharsets.UTF_8)
                + "\nsmtp.host=127.0.0.1\nsmtp.port=" + mail.getSmtp().getPort() + "\nsmtp.security=none\n"
                + vn.bantin.store.TestStores.properties(tmp.resolve("var"))
                + "out.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n"
                + "templates.dir=" + templates + "\nconsole.listen=127.0.0.1:0\n", StandardCharsets.UTF_8);
        StringBuilder recipients = new StringBuilder("unit,name,email,bulletins\n");
        LEADERS.forEach(e -> recipients.append(",Lãnh đạo,").append(e).append(",province\n"));
        recipients.append("SXD,Văn thư Sở Xây dựng,vanthu.sxd@bacninh.gov.vn,unit\n");
        Files.writeString(config.resolve("recipients.csv"), recipients, StandardCharsets.UTF_8);
        Files.writeString(config.resolve("schedules.properties"), "poll-seconds=1\ncheckin-seconds=1\n", StandardCharsets.UTF_8);

        serve = ServeProcess.start(config, tmp.resolve("serve.log"));
        serve.await("serve and its console to start", () -> serve.log().contains("serving;"));
        Matcher port = Pattern.compile("web console on http://127\\.0\\.0\\.1:(\\d+)/").matcher(serve.log());
        assertTrue(port.find(), serve.log());
        base = "http://127.0.0.1:" + port.group(1);
        // the users, as an admin makes them on the server while serve runs: the password on stdin, never an argument
        List<CompletableFuture<ServeProcess.Ran>> adds = new ArrayList<>();
        for (Map.Entry<String, String> u : Map.of("op", "operator", "ed", "editor", "vic", "viewer").entrySet()) {
            adds.add(CompletableFuture.supplyAsync(() -> command(PASSWORDS.get(u.getKey()) + "\n", "users", "add", u.getKey(),
                    "--role", u.getValue(), "--config", config.toString())));
        }
        for (CompletableFuture<ServeProcess.Ran> add : adds) {
            ServeProcess.Ran r = add.join();
            assertEquals(0, r.exitCode(), r.out() + r.err());
        }
        ServeProcess.Ran token = command("", "users", "token", "vic", "--config", config.toString());
        assertEquals(0, token.exitCode(), token.err());
        viewerToken = token.out().strip();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (serve != null) {
                serve.close();
            }
        } finally {
            mail.stop();
        }
    }

    @Test
    @Order(1)
    void anOperatorRunsTheDecemberProvinceBulletinWatchesItFinishAndTheLeadersReceiveIt() throws Exception {
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            signIn(browser, "op");
            browser.findElement(By.linkText("Chạy ngay")).click();
            assertEquals(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1).toString(),
                    browser.findElement(By.id("period")).getAttribute("value"), "the previous closed month is preselected");
            runProvinceAndWatch(browser, "2022-12");
            assertEquals("đã xong", browser.findElement(By.id("state")).getText());
            assertEquals("2", browser.findElement(By.id("sent")).getText());
        } finally {
            browser.quit();
        }
        assertTrue(mail.waitForIncomingEmail(60_000, 2), "two messages arrive");
        Set<String> to = new TreeSet<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            to.add(((InternetAddress) m.getAllRecipients()[0]).getAddress());
            assertTrue(m.getSubject().contains("12/2022"), m.getSubject());
        }
        assertEquals(new TreeSet<>(LEADERS), to, "each leader received the province bulletin, and nobody else got mail");
    }

    @Test
    @Order(2)
    void anEditorChangesASentenceSeesItInThePreviewPublishesRunsItAndTheSentPdfCarriesIt() throws Exception {
        int before = mail.getReceivedMessages().length;
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            signIn(browser, "ed");
            browser.get(base + "/templates/wording?path=labels/bulletin_vi.properties");
            WebElement title = browser.findElement(By.id("text-doctype.BC"));
            assertEquals("BÁO CÁO", title.getAttribute("value"));
            title.clear();
            title.sendKeys(NEW_TITLE);
            browser.findElement(By.id("wording-stage")).click();
            new WebDriverWait(browser, Duration.ofMinutes(4), Duration.ofMillis(500))
                    .until(d -> d.getCurrentUrl().contains("/templates/candidates/"));
            assertTrue(browser.findElements(By.id("problems")).isEmpty(), browser.findElement(By.tagName("main")).getText());
            List<WebElement> pictures = browser.findElements(By.cssSelector("img.province-page"));
            assertFalse(pictures.isEmpty(), "the province bulletin's pages are shown as pictures");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> (Boolean) ((ChromeDriver) d).executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0;", pictures.get(0)));
            Path picture = Files.write(tmp.resolve("preview.png"), ConsoleKit.get(pictures.get(0).getAttribute("src"), cookie(browser)));
            assertEquals("\u0089PNG", new String(Files.readAllBytes(picture), 0, 4, StandardCharsets.ISO_8859_1));
            assertTrue(ConsoleKit.text(ConsoleKit.get(browser.findElement(By.id("province-pdf")).getAttribute("href"), cookie(browser))).contains(NEW_TITLE),
                    "the pictured preview is of the bulletin with the new sentence");
            assertTrue(Files.readString(templates.resolve("labels/bulletin_vi.properties")).contains("doctype.BC = BÁO CÁO\n"),
                    "nothing is written before it is published");

            browser.findElement(By.id("publish")).click();
            browser.switchTo().alert().accept();
            new WebDriverWait(browser, Duration.ofMinutes(3)).until(d -> !d.findElements(By.cssSelector("p.notice, p.error")).isEmpty());
            assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().contains("templates/labels/bulletin_vi.properties nay là phiên bản 2 (xuất bản, do ed)"),
                    browser.findElement(By.tagName("main")).getText());

            // November: December went to the leaders in the first test, and the ledger sends a bulletin once
            browser.findElement(By.linkText("Chạy ngay")).click();
            runProvinceAndWatch(browser, "2022-11");
        } finally {
            browser.quit();
        }
        assertTrue(mail.waitForIncomingEmail(60_000, before + 2), "the leaders receive the November bulletin");
        Set<String> carrying = new TreeSet<>();
        for (Map.Entry<String, byte[]> sent : ReceivedAttachments.of(mail.getReceivedMessages()).entrySet()) {
            if (sent.getKey().endsWith(".pdf") && ConsoleKit.text(sent.getValue()).contains(NEW_TITLE)) {
                carrying.add(sent.getKey().substring(0, sent.getKey().indexOf('/')));
            }
        }
        assertEquals(new TreeSet<>(LEADERS), carrying, "each leader received a PDF with the new sentence (before the publish none had it)");
    }

    @Test
    @Order(3)
    void anEditorUploadsABrokenJrxmlIsShownFileLineWhatAndCannotPublishIt() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(templates.resolve("unit.jrxml"), StandardCharsets.UTF_8));
        int line = 0;
        for (int i = 0; i < lines.size() && line == 0; i++) {
            if (lines.get(i).contains("<title")) {
                lines.set(i, lines.get(i).replaceFirst("<title", "<title <"));
                line = i + 1;
            }
        }
        Path broken = Files.writeString(Files.createDirectories(tmp.resolve("upload")).resolve("unit.jrxml"),
                String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        byte[] working = Files.readAllBytes(templates.resolve("unit.jrxml"));
        String cookie;
        String csrf;
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            signIn(browser, "ed");
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
            cookie = cookie(browser);
            csrf = browser.findElement(By.name("_csrf")).getAttribute("value");
        } finally {
            browser.quit();
        }
        HttpResponse<String> forged = HttpClient.newHttpClient().send(form(brokenCandidate + "/publish", cookie, Map.of("_csrf", csrf)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, forged.statusCode(), "a publish posted anyway is refused");
        assertTrue(forged.body().contains("not well-formed XML"), forged.body());
        assertTrue(Arrays.equals(working, Files.readAllBytes(templates.resolve("unit.jrxml"))), "the working template stays");
    }

    @Test
    @Order(4)
    void aViewerIsOfferedNoRunResendNorPublishAndTheApiAnswers403() throws Exception {
        String runId;
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            signIn(browser, "vic");
            assertTrue(browser.findElements(By.linkText("Chạy ngay")).isEmpty(), "no Run now in the menu");
            assertTrue(browser.findElements(By.linkText("Mẫu bản tin")).isEmpty(), "no Templates in the menu");
            browser.findElement(By.linkText("Các lần chạy")).click();
            List<WebElement> runs = browser.findElements(By.cssSelector("table.runs tbody a"));
            assertFalse(runs.isEmpty(), "the viewer sees the runs");
            runs.get(0).click();
            runId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
            assertFalse(browser.findElements(By.cssSelector("table.deliveries tbody tr")).isEmpty(), "and their deliveries");
            assertTrue(browser.findElements(By.cssSelector("button.resend, #resend-failed")).isEmpty(), "but no resend button");
            for (String page : List.of("/run-now", brokenCandidate, "/templates")) {
                browser.get(base + page);
                assertTrue(browser.findElement(By.tagName("h1")).getText().contains("403"), page + ": " + browser.getPageSource());
                assertTrue(browser.findElements(By.cssSelector("#publish, #start")).isEmpty(), page);
            }
        } finally {
            browser.quit();
        }
        HttpClient http = HttpClient.newHttpClient();
        String id = brokenCandidate.substring(brokenCandidate.lastIndexOf('/') + 1);
        for (HttpRequest r : List.of(
                api("/api/run").POST(HttpRequest.BodyPublishers.ofString("{\"bulletin\":\"province\",\"period\":\"2022-12\"}")).build(),
                api("/api/runs/" + runId + "/resend").POST(HttpRequest.BodyPublishers.noBody()).build(),
                api("/api/templates/candidates/" + id + "/publish").POST(HttpRequest.BodyPublishers.noBody()).build())) {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            assertEquals(403, res.statusCode(), r.uri() + ": " + res.body());
        }
        HttpResponse<String> mine = http.send(api("/api/runs/" + runId + "/deliveries").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, mine.statusCode(), "the viewer's token works: the 403s are the role");
    }

    @Test
    @Order(5)
    void aStateChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(form("/login", null, Map.of("name", "op", "password", PASSWORDS.get("op"))),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bantin_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String runsBefore = http.send(api("/api/runs").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> run = Map.of("bulletin", "province", "period", "2022-11", "periodKind", "key", "mode", "send");
        HttpResponse<String> without = http.send(form("/run-now", cookie, run), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, without.statusCode());
        assertTrue(without.body().contains("Yêu cầu bị từ chối"), without.body());
        assertEquals(runsBefore, http.send(api("/api/runs").GET().build(), HttpResponse.BodyHandlers.ofString()).body(), "nothing ran");
        // the same request with the page's token gets through to the action (refused there for its bad period)
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(http.send(HttpRequest.newBuilder(URI.create(base
                + "/run-now")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(m.find());
        HttpResponse<String> with = http.send(form("/run-now", cookie, Map.of("_csrf", m.group(1), "bulletin", "province",
                "period", "not-a-period", "periodKind", "key", "mode", "preview")), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, with.statusCode(), with.body());
    }

    @Test
    @Order(6)
    void tenWrongPasswordsSlowTheLogin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = http.send(form("/login", null, Map.of("name", "vic", "password", "đoán thử " + i)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), "wrong password " + (i + 1));
        }
        HttpResponse<String> right = http.send(form("/login", null, Map.of("name", "vic", "password", PASSWORDS.get("vic"))),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(429, right.statusCode(), "after ten wrong ones even the right password waits");
        assertTrue(right.body().matches("(?s).*vui lòng thử lại sau [1-3]\\d giây.*"), right.body());
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            browser.get(base + "/login");
            browser.findElement(By.id("name")).sendKeys("ed");
            browser.findElement(By.id("password")).sendKeys(PASSWORDS.get("ed"));
            browser.findElement(By.id("sign-in")).click();
            String error = new WebDriverWait(browser, Duration.ofSeconds(60))
                    .until(d -> d.findElements(By.cssSelector("p.error")).stream().findFirst().orElse(null)).getText();
            assertTrue(error.contains("thử lại sau"), "the address is slowed, for every name: " + error);
        } finally {
            browser.quit();
        }
    }

    // ---- helpers

    /** On the Run now page: the province bulletin of {@code month} (of the sample's 2022), sent; waits until it ends. */
    private void runProvinceAndWatch(ChromeDriver browser, String month) {
        WebElement period = browser.findElement(By.id("period"));
        period.clear();
        period.sendKeys(month);
        browser.findElement(By.cssSelector("input[name=bulletin][value=province]")).click();
        browser.findElement(By.id("mode-send")).click();
        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, Duration.ofMinutes(5), Duration.ofMillis(500))
                .until(d -> !d.findElement(By.id("state")).getAttribute("data-state").matches("queued|running"));
        assertEquals("done", browser.findElement(By.id("state")).getAttribute("data-state"), browser.findElement(By.id("message")).getText());
    }

    private void signIn(ChromeDriver browser, String name) {
        ConsoleKit.signIn(browser, base, name, PASSWORDS.get(name));
    }

    private HttpRequest form(String path, String cookie, Map<String, String> fields) {
        return ConsoleKit.form(base + path, cookie, fields);
    }

    private static String cookie(ChromeDriver browser) {
        return "bantin_session=" + browser.manage().getCookieNamed("bantin_session").getValue();
    }

    private static ServeProcess.Ran command(String stdin, String... args) {
        try {
            return ServeProcess.command(stdin, args);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + viewerToken)
                .header("Content-Type", "application/json");
    }

}
