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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
            assertEquals(shippedVersions(), appliedVersions(db));
            assertEquals(0, count(db, "run") + count(db, "delivery") + count(db, "indicator_snapshot"));
        }
        try (Database db = Database.open(TestStores.url(dir))) {
            assertEquals(shippedVersions(), appliedVersions(db), "re-opening applies nothing again");
        }
        assertTrue(Files.exists(dir.resolve("bantin.mv.db")));
    }

    @Test
    void reopeningKeepsTheData() {
        SettableClock clock = new SettableClock();
        try (Database db = Database.open(TestStores.url(dir))) {
            long id = new RunStore(db.dataSource(), clock).start("province", Period.parse("2022-12"), Map.of(), Map.of());
            new DeliveryLedger(db.dataSource(), clock).claim(new DeliveryKey("unit", "2022-12", "S1", "a@b.vn"), "S1", id);
        }
        try (Database db = Database.open(TestStores.url(dir))) {
            assertEquals(1, new RunStore(db.dataSource(), clock).recent(10).size());
            DeliveryRow row = new DeliveryLedger(db.dataSource(), clock).find(new DeliveryKey("unit", "2022-12", "S1", "a@b.vn")).orElseThrow();
            assertEquals(DeliveryStatus.SENDING, row.status());
            assertEquals("S1", row.unitCode());
        }
    }

    @Test
    void anInterruptedThreadLeavesTheStoreOpen() throws SQLException {
        try (Database db = Database.open(TestStores.url(dir))) {
            try (Connection owner = TestStores.asOwner(dir); Statement ddl = owner.createStatement()) {
                ddl.executeUpdate("CREATE TABLE probe(id INT)");
                ddl.executeUpdate("GRANT SELECT, INSERT ON probe TO " + StoreCredentials.APP);
            }
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
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
        assertEquals("jdbc:h2:async:./var/bantin",
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
    void aSecondProcessWaitsForTheStoreAndGetsItWhenTheFirstLetsGo() throws Exception {
        String url = TestStores.url(dir);
        Process other = hold(url);
        try {
            assertEquals("ready", firstLine(other));
            CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Database.open(url, Duration.ofMinutes(2)));
            quit(other);
            try (Database db = opening.get(2, TimeUnit.MINUTES)) {
                RunStore runs = new RunStore(db.dataSource(), new SettableClock());
                assertEquals(Map.of("by", "other"), runs.recent(5).get(0).inputChecksums(), "sees what the other process wrote");
                runs.start("province", Period.parse("2023"), Map.of(), Map.of("by", "this"));
                assertEquals(2, runs.recent(5).size());
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aStoreHeldLongerThanTheWaitIsReportedInOneSentence() throws Exception {
        String url = TestStores.url(dir);
        Process other = hold(url);
        try {
            assertEquals("ready", firstLine(other));
            StoreException e = assertThrows(StoreException.class, () -> Database.open(url, Duration.ofMillis(500)));
            assertTrue(e.getMessage().startsWith("The store jdbc:h2:file:"), e.getMessage());
            assertTrue(e.getMessage().contains("is in use by another process and was still held after 0 s"), e.getMessage());
            assertTrue(e.getMessage().contains("if serve runs, trigger, history, schedule and users reach it"), e.getMessage());
            assertOneSentence(e.getMessage());
        } finally {
            quit(other);
            other.destroyForcibly();
        }
    }

    @Test
    void aRowLockedLongerThanTheWaitEndsTheStatementWithASentence() throws SQLException {
        try (Database db = Database.open(TestStores.url(dir), Duration.ofMillis(300))) {
            RunStore runs = new RunStore(db.dataSource(), new SettableClock());
            long id = runs.start("province", Period.parse("2022"), Map.of(), Map.of());
            try (Connection holder = db.dataSource().getConnection(); Statement s = holder.createStatement()) {
                holder.setAutoCommit(false);
                s.executeUpdate("UPDATE run SET message = 'held' WHERE id = " + id); // and not committed
                StoreException e = assertThrows(StoreException.class, () -> runs.finish(id, "done"));
                assertTrue(e.getMessage().startsWith("The store could not record the end of run " + id + ": Timeout trying to lock"),
                        e.getMessage());
                assertOneSentence(e.getMessage());
                holder.rollback();
            }
            runs.finish(id, "done");
        }
    }

    @Test
    void aUrlThatWouldOpenAPortIsRefused() {
        StoreException e = assertThrows(StoreException.class, () -> Database.open(TestStores.url(dir) + ";AUTO_SERVER=TRUE"));
        assertTrue(e.getMessage().contains("AUTO_SERVER=TRUE, which opens the store to the network"), e.getMessage());
        assertOneSentence(e.getMessage());
        assertFalse(Files.exists(dir.resolve("bantin.mv.db")), "nothing was opened");
    }

    @Test
    void aUrlWithAPasswordIsRefusedWithoutIt() {
        StoreException e = assertThrows(StoreException.class,
                () -> Database.open(TestStores.url(dir) + ";USER=sa;PASSWORD=Hunter-22"));
        assertTrue(e.getMessage().contains("carries a user or password setting"), e.getMessage());
        assertFalse(e.getMessage().contains("Hunter-22"), e.getMessage());
        assertOneSentence(e.getMessage());
        assertFalse(Files.exists(dir.resolve("bantin.mv.db")), "nothing was opened");
    }

    @Test
    void anUnreachableServerIsReportedInOneSentence() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/bantin;TRACE_LEVEL_FILE=0";
        StoreException e = assertThrows(StoreException.class, () -> Database.open(url,
                new StoreCredentials("sa", "s3cret-Store-Pw", "BANTIN", "4pp-Pw"), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        assertFalse(e.getMessage().contains("TRACE_LEVEL"), "the URL's settings are left out: " + e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-Store-Pw"), e.getMessage());
        assertOneSentence(e.getMessage());
    }

    @Test
    void aCredentialsFileThatDoesNotMatchTheStoreIsReportedWithoutThePassword() throws IOException {
        Database.open(TestStores.url(dir)).close();
        Path file = dir.resolve("bantin.credentials");
        Files.writeString(file, Files.readString(file).replaceAll("owner.password=.*", "owner.password=Wrong-Pw-4711"));
        StoreException e = assertThrows(StoreException.class, () -> Database.open(TestStores.url(dir)));
        assertTrue(e.getMessage().startsWith("The store " + Database.where(TestStores.url(dir)) + " refused user 'BANTIN_OWNER':"
                + " wrong user name or password"), e.getMessage());
        assertFalse(e.getMessage().contains("Wrong-Pw-4711"), e.getMessage());
        assertOneSentence(e.getMessage());
    }

    @Test
    void theOpeningByUrlAloneTakesOnlyH2() {
        // A PostgreSQL store needs its user and password variable: Database.open(StoreAddress), see PostgresStoreTest.
        StoreException e = assertThrows(StoreException.class,
                () -> Database.open("jdbc:postgresql://db/bantin?password=x"));
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

    /** The versions of the migrations the build ships (V3__x.sql is "3"), in order. */
    private static List<String> shippedVersions() {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Flyway's history is the owner's: the application user may not read it. */
    private List<String> appliedVersions(Database db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestStores.asOwner(dir); Statement s = c.createStatement();
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
