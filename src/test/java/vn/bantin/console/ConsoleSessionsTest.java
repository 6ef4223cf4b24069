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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.store.Database;
import vn.bantin.store.LoginFailures;
import vn.bantin.store.SettableClock;
import vn.bantin.store.TestStores;

/**
 * Two console nodes on one store, as behind the province's proxy: a user signed in on one is signed in on the other,
 * its form token holds there, signing out on one signs out on both, and the store keeps no cookie that would sign in.
 * Wrong passwords are counted in the store, so that both nodes slow the sign-in alike. On H2 by default, on PostgreSQL with {@code -Dbantin.test.store=postgresql}.
 */
class ConsoleSessionsTest {
    private static final String PASSWORD = "đăng nhập một lần";

    @TempDir
    Path tmp;

    @Test
    void aSessionOpenedOnOneNodeServesOnTheOtherAndEndsOnBoth() throws Exception {
        Path config = SampleConsoleConfig.in(tmp);
        Settings settings = ConfigLoader.load(config);
        SettableClock clock = new SettableClock(Instant.parse("2023-01-05T01:00:00Z"));
        try (TestStores.Fresh fresh = TestStores.fresh(tmp.resolve("var")); Database db = fresh.open()) {
            new UserAdmin(db.dataSource(), clock).add("test", "an", "operator", PASSWORD.toCharArray());
            try (ConsoleServer one = ConsoleServer.start(settings, ConfigLoader.console(config), db.dataSource(), config, clock);
                 ConsoleServer two = ConsoleServer.start(settings, ConfigLoader.console(config), db.dataSource(), config, clock)) {
                String a = "http://127.0.0.1:" + one.port();
                String b = "http://127.0.0.1:" + two.port();
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> login = http.send(post(a + "/login", null, "name=an&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
                assertEquals(302, login.statusCode(), login.body());
                String cookie = session(login);

                HttpResponse<String> there = http.send(get(b + "/run-now", cookie), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, there.statusCode(), "the other node knows the session: " + there.headers().map());
                Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(there.body());
                assertTrue(csrf.find());

                String stored;
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT id_hash FROM console_session")) {
                    assertTrue(r.next());
                    stored = r.getString(1);
                    assertFalse(r.next(), "one session");
                }
                String id = cookie.substring(cookie.indexOf('=') + 1);
                assertEquals(Secrets.sha256(id), stored, "the store keeps the cookie's SHA-256");
                assertFalse(stored.contains(id));

                // sign out on the first node with the form token the second gave: signed out on both
                HttpResponse<String> out = http.send(post(a + "/logout", cookie, "_csrf=" + URLEncoder.encode(csrf.group(1),
                        StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
                assertEquals(302, out.statusCode(), out.body());
                for (String node : new String[] {a, b}) {
                    HttpResponse<String> after = http.send(get(node + "/run-now", cookie), HttpResponse.BodyHandlers.ofString());
                    assertEquals(302, after.statusCode(), node);
                    assertEquals("/login", after.headers().firstValue("Location").orElse(""), node);
                }

                // a session left idle for eight hours ends, on every node
                HttpResponse<String> again = http.send(post(b + "/login", null, "name=an&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
                String second = session(again);
                assertEquals(200, http.send(get(a + "/run-now", second), HttpResponse.BodyHandlers.ofString()).statusCode());
                clock.advance(Duration.ofHours(8).plusMinutes(1));
                assertEquals(302, http.send(get(a + "/run-now", second), HttpResponse.BodyHandlers.ofString()).statusCode());
                assertEquals(302, http.send(get(b + "/run-now", second), HttpResponse.BodyHandlers.ofString()).statusCode());
            }
        }
    }

    @Test
    void wrongPasswordsOnEitherNodeSlowTheSignInOnBothAndAreForgottenAfterADay() throws Exception {
        Path config = SampleConsoleConfig.in(tmp);
        Settings settings = ConfigLoader.load(config);
        SettableClock clock = new SettableClock(Instant.parse("2023-01-05T01:00:00Z"));
        try (TestStores.Fresh fresh = TestStores.fresh(tmp.resolve("var")); Database db = fresh.open()) {
            new UserAdmin(db.dataSource(), clock).add("test", "an", "operator", PASSWORD.toCharArray());
            try (ConsoleServer one = ConsoleServer.start(settings, ConfigLoader.console(config), db.dataSource(), config, clock);
                 ConsoleServer two = ConsoleServer.start(settings, ConfigLoader.console(config), db.dataSource(), config, clock)) {
                String[] nodes = {"http://127.0.0.1:" + one.port(), "http://127.0.0.1:" + two.port()};
                HttpClient http = HttpClient.newHttpClient();
                String right = "name=an&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);

                // nine wrong ones, taking turns on the two nodes, then a day without any: the count is forgotten
                for (int i = 0; i < LoginThrottle.FREE - 1; i++) {
                    assertEquals(401, http.send(post(nodes[i % 2] + "/login", null, "name=an&password=doan-sai-" + i),
                            HttpResponse.BodyHandlers.ofString()).statusCode());
                }
                clock.advance(LoginFailures.FORGOTTEN_AFTER.plusMinutes(1));
                assertEquals(401, http.send(post(nodes[0] + "/login", null, "name=an&password=sai"),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
                assertEquals(302, http.send(post(nodes[1] + "/login", null, right), HttpResponse.BodyHandlers.ofString()).statusCode(),
                        "ten wrong passwords over two days are not ten in a row");

                // ten wrong ones in a row, five on each node: both nodes make the right password wait
                for (int i = 0; i < LoginThrottle.FREE; i++) {
                    assertEquals(401, http.send(post(nodes[i % 2] + "/login", null, "name=an&password=doan-sai-" + i),
                            HttpResponse.BodyHandlers.ofString()).statusCode());
                }
                for (String node : nodes) {
                    HttpResponse<String> slowed = http.send(post(node + "/login", null, right), HttpResponse.BodyHandlers.ofString());
                    assertEquals(429, slowed.statusCode(), node + " counts the other node's wrong passwords too");
                    assertTrue(slowed.body().contains("vui lòng thử lại sau 31 giây"), slowed.body());
                }
                clock.advance(LoginThrottle.FIRST_WAIT.plusSeconds(1));
                assertEquals(302, http.send(post(nodes[1] + "/login", null, right), HttpResponse.BodyHandlers.ofString()).statusCode(),
                        "after the wait the right password signs in");
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT COUNT(*) FROM console_login_failure")) {
                    assertTrue(r.next());
                    assertEquals(0, r.getInt(1), "a right password clears the name's and the address's count");
                }
            }
        }
    }

    private static String session(HttpResponse<String> login) {
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bantin_session=")).findFirst()
                .orElseThrow().replaceAll(";.*", "");
    }

    private static HttpRequest get(String url, String cookie) {
        return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build();
    }

    private static HttpRequest post(String url, String cookie, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return (cookie == null ? b : b.header("Cookie", cookie)).build();
    }
}
