package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.store.TestStores;

/**
 * {@code users add|list|token}, each in a JVM of its own as typed at a shell, while a serve (another JVM) holds the
 * store: serve answers them through its socket, the password never leaves the command's process, and the same
 * commands work on the store directly once serve has stopped.
 */
class UsersWhileServingTest {
    private static final String PASSWORD = "một mật khẩu đủ dài";

    @TempDir
    Path tmp;

    @Test
    void usersAreAddedListedAndGivenTokensWhileServeHoldsTheStore() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                + "\n" + TestStores.properties(tmp.resolve("var")) + "console.listen=127.0.0.1:0\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n"
                + ",Chủ tịch UBND tỉnh,chutich@bacninh.gov.vn,province\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("schedules.properties"), "poll-seconds=1\ncheckin-seconds=1\n", StandardCharsets.UTF_8);
        String c = config.toString();
        try (ServeProcess serve = ServeProcess.start(config, tmp.resolve("serve.log"))) {
            serve.await("serve to start", () -> serve.log().contains("serving;"));

            ServeProcess.Ran add = ServeProcess.command(PASSWORD + "\n", "users", "add", "an.nguyen", "--role", "editor", "--config", c);
            assertEquals(0, add.exitCode(), add.out() + add.err());
            assertEquals("added console user an.nguyen (editor)\n", add.out());

            ServeProcess.Ran again = ServeProcess.command(PASSWORD + "\n", "users", "add", "an.nguyen", "--role", "viewer", "--config", c);
            assertEquals(Failures.BAD_INPUT, again.exitCode(), again.out());
            assertEquals("error: a user named 'an.nguyen' exists already\n", again.err());
            ServeProcess.Ran weak = ServeProcess.command("ngắn\n", "users", "add", "binh", "--role", "viewer", "--config", c);
            assertEquals(Failures.BAD_INPUT, weak.exitCode());
            assertTrue(weak.err().startsWith("error: a password needs at least 10 characters"), weak.err());

            ServeProcess.Ran list = ServeProcess.command("", "users", "list", "--config", c);
            assertEquals(0, list.exitCode(), list.err());
            assertTrue(list.out().matches("  an\\.nguyen +editor +active since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\n"), list.out());
            ServeProcess.Ran token = ServeProcess.command("", "users", "token", "an.nguyen", "--config", c);
            assertEquals(0, token.exitCode(), token.err());
            assertTrue(token.out().matches("bt_[A-Za-z0-9_-]{20,}\n"), token.out());
            ServeProcess.Ran nobody = ServeProcess.command("", "users", "token", "nobody", "--config", c);
            assertEquals("error: no user named 'nobody'; add it with users add\n", nobody.err());

            // the new user signs in to serve's console at once, with the password typed into the command
            String port = serve.log().replaceAll("(?s).*web console on http://127\\.0\\.0\\.1:(\\d+)/.*", "$1");
            var http = java.net.http.HttpClient.newHttpClient();
            var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=an.nguyen&password="
                            + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(302, login.statusCode(), login.body());
            var api = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/runs"))
                    .header("Authorization", "Bearer " + token.out().strip()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode(), "the token works: " + api.body());
            assertFalse(serve.log().contains(PASSWORD), "no password in serve's output");
            assertFalse(serve.log().contains(token.out().strip()), "no token in serve's output");
        }
        // serve stopped: the same command opens the store itself
        ServeProcess.Ran list = ServeProcess.command("", "users", "list", "--config", c);
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("an.nguyen"), list.out());
    }
}
