package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Period;

/**
 * Who may use the store: only the service's user, through the credentials file beside it, and the program itself only
 * as a user that can read and write rows and nothing more.
 */
class StoreAccessTest {
    @TempDir
    Path tmp;

    private Path dir() throws IOException {
        return Files.createDirectories(tmp.resolve("var"));
    }

    private String url() throws IOException {
        return TestStores.url(dir());
    }

    @Test
    void aSecondProcessWithoutTheCredentialsIsRefused() throws Exception {
        Database.open(url()).close();
        String file = "jdbc:h2:file:" + dir().resolve("bantin");
        // What worked before: SA with no password. Then the accounts the store has, with guessed passwords.
        assertEquals("refused " + ErrorCode.WRONG_USER_OR_PASSWORD, tryStore(file, "SA", ""));
        assertEquals("refused " + ErrorCode.WRONG_USER_OR_PASSWORD, tryStore(file, StoreCredentials.OWNER, ""));
        assertEquals("refused " + ErrorCode.WRONG_USER_OR_PASSWORD, tryStore(file, StoreCredentials.APP, "bantin"));
        StoreCredentials c = StoreCredentials.read(dir().resolve("bantin.credentials"));
        assertEquals("connected", tryStore(file, c.appUser(), c.appPassword()), "the check itself can connect");
    }

    @Test
    void theApplicationUserCannotCreateFunctionsReadFilesOrChangeTheSchema() throws Exception {
        try (Database db = Database.open(url()); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertEquals(StoreCredentials.APP, c.getMetaData().getUserName());
            for (String attack : List.of(
                    "CREATE ALIAS GETENV FOR 'java.lang.System.getenv(java.lang.String)'",
                    "CREATE ALIAS RUN AS 'String run(String c) throws Exception { return new String(Runtime.getRuntime().exec(c).getInputStream().readAllBytes()); }'",
                    "SELECT FILE_READ('/etc/hostname')",
                    "CALL CSVREAD('/etc/hostname')",
                    "SCRIPT TO '" + tmp.resolve("dump.sql") + "'",
                    "CALL FILE_WRITE('x', '" + tmp.resolve("written") + "')",
                    "CREATE USER INTRUDER PASSWORD 'x' ADMIN",
                    "DROP TABLE delivery",
                    "CREATE TABLE loot(x INT)",
                    "SELECT * FROM \"flyway_schema_history\"")) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(attack), attack);
                assertTrue(e.getErrorCode() == ErrorCode.ADMIN_RIGHTS_REQUIRED || e.getErrorCode() == ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1,
                        attack + ": " + e.getMessage());
            }
            assertFalse(Files.exists(tmp.resolve("dump.sql")) || Files.exists(tmp.resolve("written")), "nothing was written");
            // What the program does is allowed.
            new RunStore(db.dataSource(), new SettableClock()).start("province", Period.parse("2022"), Map.of(), Map.of());
        }
    }

    @Test
    void theFolderIsPrivateAndTheFilesAreTheServiceUsersAlone() throws Exception {
        Path var = dir();
        Files.setPosixFilePermissions(var, PosixFilePermissions.fromString("rwxr-xr-x")); // as earlier versions left it
        Database.open(url()).close();
        assertEquals("rwx------", mode(var));
        for (String f : List.of("bantin.mv.db", "bantin.credentials")) {
            assertEquals("rw-------", mode(var.resolve(f)), f);
        }
        String text = Files.readString(var.resolve("bantin.credentials"));
        assertTrue(text.contains("owner.user=" + StoreCredentials.OWNER) && text.contains("app.user=" + StoreCredentials.APP), text);
        assertTrue(text.matches("(?s).*owner.password=[A-Za-z0-9_-]{32}\n.*app.password=[A-Za-z0-9_-]{32}\n.*"), "random passwords");
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefused() throws Exception {
        Database.open(url()).close();
        Path file = dir().resolve("bantin.credentials");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        StoreException e = assertThrows(StoreException.class, () -> Database.open(url()));
        assertEquals("The store's credentials file " + file + " can be read or written by other users (rw-r--r--); make it"
                + " the service user's alone: chmod 600 " + file + ".", e.getMessage());
        assertFalse(e.getMessage().contains("password="), e.getMessage());
    }

    @Test
    void aStoreMadeAsSaWithoutPasswordIsTakenOverAtItsFirstOpening() throws Exception {
        // A store as earlier versions made it: SA with an empty password, the migrations applied, a run recorded.
        String plain = "jdbc:h2:file:" + dir().resolve("bantin");
        Flyway.configure().dataSource(plain, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(plain, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO run (bulletin, period_key, period_start, period_end, status, started_at)"
                    + " VALUES ('province', '2021', DATE '2021-01-01', DATE '2021-12-31', 'succeeded', CURRENT_TIMESTAMP)");
        }

        try (Database db = Database.open(url())) {
            assertEquals("2021", new RunStore(db.dataSource(), new SettableClock()).recent(5).get(0).periodKey(), "the data stays");
        }
        StoreCredentials c = StoreCredentials.read(dir().resolve("bantin.credentials"));
        assertEquals("SA", c.ownerUser(), "SA stays the owner, with a password now");
        assertEquals("refused " + ErrorCode.WRONG_USER_OR_PASSWORD, tryStore(plain, "SA", ""));
        try (Database again = Database.open(url())) {
            assertEquals(1, new RunStore(again.dataSource(), new SettableClock()).recent(5).size(), "and opens again");
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static String tryStore(String url, String user, String password) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TryStore.class.getName(), url, user, password)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
