package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Period;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void openingAppliesTheMigrationsOnce() throws SQLException {
        try (Database db = Database.open(TestStores.url(dir))) {
            assertEquals(List.of("1", "2", "3"), appliedVersions(db));
            assertEquals(0, count(db, "run") + count(db, "delivery") + count(db, "indicator_snapshot"));
        }
        try (Database db = Database.open(TestStores.url(dir))) {
            assertEquals(List.of("1", "2", "3"), appliedVersions(db), "re-opening applies nothing again");
        }
        assertTrue(Files.exists(dir.resolve("bantin.mv.db")));
    }

    @Test
    void reopeningKeepsTheData() {
        SettableClock clock = new SettableClock();
        try (Database db = Database.open(TestStores.url(dir))) {
            long id = new RunStore(db.dataSource(), clock).start("province", Period.parse("2022-12"), Map.of(), Map.of());
            new DeliveryLedger(db.dataSource(), clock).claim(new DeliveryKey("province", "2022-12", "a@b.vn"), "S1", id);
        }
        try (Database db = Database.open(TestStores.url(dir))) {
            assertEquals(1, new RunStore(db.dataSource(), clock).recent(10).size());
            DeliveryRow row = new DeliveryLedger(db.dataSource(), clock).find(new DeliveryKey("province", "2022-12", "a@b.vn")).orElseThrow();
            assertEquals(DeliveryStatus.SENDING, row.status());
            assertEquals("S1", row.unitCode());
        }
    }

    @Test
    void anInterruptedThreadLeavesTheStoreOpen() throws SQLException {
        try (Database db = Database.open(TestStores.url(dir))) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE probe(id INT)");
                // Interrupted as Quartz interrupts its threads when it shuts down, just before the commit writes the file.
                Thread.currentThread().interrupt();
                try {
                    s.executeUpdate("INSERT INTO probe VALUES (1)");
                } finally {
                    assertTrue(Thread.interrupted(), "the interrupt is left to the thread");
                }
            }
            assertEquals(1, count(db, "probe"), "the store is still open, with the row");
        }
        try (Database db = Database.open(TestStores.url(dir))) {
            assertEquals(1, count(db, "probe"), "and the row is on disk");
        }
    }

    @Test
    void fileStoresGoThroughTheFileSystemThatInterruptsDoNotClose() {
        assertEquals("jdbc:h2:async:./var/bantin;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE",
                Database.uninterruptible(Database.DEFAULT_URL));
        assertEquals("jdbc:h2:async:~/bantin", Database.uninterruptible("jdbc:h2:~/bantin"));
        assertEquals("jdbc:h2:async:/srv/bantin", Database.uninterruptible("jdbc:h2:nio:/srv/bantin"));
        assertEquals("jdbc:h2:async:C:/data/bantin", Database.uninterruptible("jdbc:h2:file:C:/data/bantin"));
        assertEquals("jdbc:h2:async:/srv/bantin;INIT=RUNSCRIPT FROM 'classpath:a.sql'",
                Database.uninterruptible("jdbc:h2:/srv/bantin;INIT=RUNSCRIPT FROM 'classpath:a.sql'"));
        for (String other : List.of("jdbc:h2:mem:bantin", "jdbc:h2:tcp://db:9092/bantin", "jdbc:h2:ssl://db/bantin",
                "jdbc:h2:async:/srv/bantin", "jdbc:h2:split:/srv/bantin", "jdbc:h2:zip:~/b.zip!/bantin")) {
            assertEquals(other, Database.uninterruptible(other));
        }
    }

    @Test
    void aSecondProcessSharesTheStoreThroughAutoServer() throws Exception {
        String url = TestStores.url(dir);
        Process other = hold(url);
        try {
            assertEquals("ready", firstLine(other));
            try (Database db = Database.open(url)) {
                RunStore runs = new RunStore(db.dataSource(), new SettableClock());
                assertEquals(Map.of("by", "other"), runs.recent(5).get(0).inputChecksums(), "sees what the other process wrote");
                runs.start("province", Period.parse("2023"), Map.of(), Map.of("by", "this"));
                // The owner of the file goes away: this process's connections reconnect and it takes the file over.
                quit(other);
                assertEquals(2, runs.recent(5).size());
                runs.start("province", Period.parse("2024"), Map.of(), Map.of());
                assertEquals(3, runs.recent(5).size());
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aStoreHeldWithoutSharingIsReportedInOneSentence() throws Exception {
        String url = TestStores.exclusiveUrl(dir);
        Process other = hold(url);
        try {
            assertEquals("ready", firstLine(other));
            StoreException e = assertThrows(StoreException.class, () -> Database.open(url));
            assertTrue(e.getMessage().startsWith("The store jdbc:h2:file:"), e.getMessage());
            assertTrue(e.getMessage().contains("is in use by another process"), e.getMessage());
            assertTrue(e.getMessage().contains("AUTO_SERVER=TRUE"), e.getMessage());
            assertOneSentence(e.getMessage());
        } finally {
            quit(other);
            other.destroyForcibly();
        }
    }

    @Test
    void anUnreachableServerIsReportedInOneSentence() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/bantin;PASSWORD=nope";
        StoreException e = assertThrows(StoreException.class, () -> Database.open(url, "sa", "s3cret-Store-Pw"));
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        assertFalse(e.getMessage().contains("nope"), "the URL's settings are left out: " + e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-Store-Pw"), e.getMessage());
        assertOneSentence(e.getMessage());
    }

    @Test
    void aWrongPasswordIsReportedWithoutIt() {
        Database.open(TestStores.url(dir), "bantin", "right-password").close();
        StoreException e = assertThrows(StoreException.class,
                () -> Database.open(TestStores.url(dir), "bantin", "Wrong-Pw-4711"));
        assertEquals("The store " + Database.where(TestStores.url(dir)) + " refused user 'bantin': wrong user name or password.",
                e.getMessage());
    }

    @Test
    void onlyH2UrlsAreTakenForNow() {
        StoreException e = assertThrows(StoreException.class,
                () -> Database.open("jdbc:postgresql://db/bantin?password=x", "bantin", "x"));
        assertTrue(e.getMessage().contains("is not supported"), e.getMessage());
    }

    private static void assertOneSentence(String message) {
        assertFalse(message.contains("\n"), message);
        assertFalse(message.matches(".*\\[\\d{5}-\\d+].*"), "no H2 error code: " + message);
        assertTrue(message.endsWith("."), message);
    }

    private static Process hold(String url) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String firstLine(Process p) throws IOException {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static void quit(Process p) throws IOException, InterruptedException {
        if (p.isAlive()) {
            OutputStream in = p.getOutputStream();
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the other process ends");
        }
    }

    private static List<String> appliedVersions(Database db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static int count(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }
}
