package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import vn.bantin.config.ConfigException;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.BulletinRun;
import vn.bantin.run.RunListener;
import vn.bantin.run.RunRequest;
import vn.bantin.run.RunResult;
import vn.bantin.run.Senders;

/** The store on a real PostgreSQL server: migrations, a bulletin run, reopening, and the sentences of a refused opening. */
class PostgresStoreTest {
    private static final String SECRET = "Pg-Secret-5b7c1e";
    private static final UnaryOperator<String> WITH_SECRET = Map.of(StoreAddress.DEFAULT_PASSWORD_VARIABLE, SECRET)::get;
    private static final UnaryOperator<String> NO_PASSWORD = name -> null;

    @TempDir
    Path tmp;

    @Test
    void migratesAFreshDatabaseOnceAndReopens() throws Exception {
        try (TestPostgres pg = TestPostgres.create()) {
            try (Database db = Database.open(pg.address())) {
                assertTrue(db.isServer());
                assertEquals(pg.url(), db.where());
            }
            try (Database db = Database.open(pg.address())) {
                assertTrue(db.isServer());
            }
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
                r.next();
                assertEquals(Migrations.count(), r.getInt(1), "each migration applied once, though the store was opened twice");
                assertEquals(Migrations.latest(), Integer.toString(r.getInt(2)), "the newest migration, compared as a number (\"10\" sorts before \"7\" as text)");
            }
        }
    }

    @Test
    void twoProcessesOpeningANewStoreAtOnceMigrateItOnce() throws Exception {
        try (TestPostgres pg = TestPostgres.create()) {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Boolean>> opened = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    opened.add(two.submit(() -> {
                        go.await();
                        try (Database db = Database.open(pg.address(), Duration.ofSeconds(30))) {
                            return db.isServer();
                        }
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<Boolean> f : opened) {
                    assertTrue(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
                }
            } finally {
                two.shutdownNow();
            }
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL")) {
                r.next();
                assertEquals(Migrations.count(), r.getInt(1), "each migration applied once");
            }
        }
    }

    @Test
    void aSchemaOfANewerVersionIsRefused() throws Exception {
        try (TestPostgres pg = TestPostgres.create()) {
            Database.open(pg.address()).close();
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                        + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from a newer bantin', 'SQL',"
                        + " 'V99__newer.sql', 0, 'postgres', 1, true)");
            }
            StoreException e = assertThrows(StoreException.class, () -> Database.open(pg.address()));
            assertTrue(e.getMessage().contains("has the schema of a newer bantin (version 99; this one knows up to "
                    + Migrations.latest() + ")"), e.getMessage());
        }
    }

    @Test
    void aBulletinRunRecordsItsRunDeliveriesAndArchiveInPostgresAndARunAgainSendsNothing() throws Exception {
        try (TestPostgres pg = TestPostgres.create()) {
            Path config = Files.createDirectories(tmp.resolve("config"));
            Files.writeString(config.resolve("bantin.properties"),
                    Files.readString(Path.of("config/bantin.properties"), StandardCharsets.UTF_8)
                            + "\nstore.url=" + pg.url() + "\nstore.user=" + TestPostgres.ADMIN
                            + "\nstore.archive=" + tmp.resolve("shared/archive")
                            + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n"
                    + ",Lãnh đạo,chutich@bacninh.gov.vn,province\nSXD,Văn thư Sở Xây dựng,vanthu.sxd@bacninh.gov.vn,unit\n",
                    StandardCharsets.UTF_8);
            Settings settings = ConfigLoader.load(config);
            assertTrue(settings.store().isServer());
            RunRequest december = new RunRequest(Period.parse("2022-12"), Set.of(RunRequest.PROVINCE, RunRequest.UNIT),
                    Set.of(), false, "test");

            try (Database db = Database.open(settings.store())) {
                RunResult first = new BulletinRun(settings, Senders.from(settings, Clock.systemUTC()), Clock.systemUTC(),
                        RunListener.QUIET, db.dataSource()).run(december);
                assertEquals(0, first.failedDeliveries());
            }
            try (Stream<Path> eml = Files.list(tmp.resolve("outbox"))) {
                assertEquals(2, eml.count(), "one message to the leader, one to the unit");
            }
            try (Stream<Path> kept = Files.list(tmp.resolve("shared/archive"))) {
                assertTrue(kept.count() >= 3, "the attachments are kept in store.archive");
            }
            Map<String, String> ledger = new TreeMap<>();
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT recipient_email, status FROM delivery")) {
                    while (r.next()) {
                        ledger.put(r.getString(1), r.getString(2));
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM run WHERE status = 'succeeded'")) {
                    r.next();
                    assertTrue(r.getInt(1) >= 1, "the run is recorded as succeeded");
                }
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM indicator_snapshot WHERE period_key = '2022-12'")) {
                    r.next();
                    assertTrue(r.getInt(1) > 0, "the figures are kept");
                }
            }
            assertEquals(Map.of("chutich@bacninh.gov.vn", "sent", "vanthu.sxd@bacninh.gov.vn", "sent"), ledger);

            try (Database db = Database.open(settings.store())) {
                // In full (--again): the ledger on PostgreSQL, not the repeat check, keeps each message to one copy.
                RunResult again = new BulletinRun(settings, Senders.from(settings, Clock.systemUTC()), Clock.systemUTC(),
                        RunListener.QUIET, db.dataSource()).run(december.inFull());
                assertTrue(again.made() > 0 && again.repeat() == null, "rendered again");
                assertTrue(again.deliveries().stream().allMatch(d -> d.status().equals("already-sent")), again.deliveries().toString());
                RunResult repeat = new BulletinRun(settings, Senders.from(settings, Clock.systemUTC()), Clock.systemUTC(),
                        RunListener.QUIET, db.dataSource()).run(december);
                assertTrue(repeat.made() == 0 && repeat.repeat() != null, "a plain repeat renders nothing: " + repeat);
                assertEquals(2, repeat.count("already-sent"));
            }
            try (Stream<Path> eml = Files.list(tmp.resolve("outbox"))) {
                assertEquals(2, eml.count(), "the second run sends nothing");
            }
        }
    }

    @Test
    void aMissingDatabaseIsToldWithTheCommandThatCreatesIt() {
        StoreAddress missing = new StoreAddress("jdbc:postgresql://127.0.0.1:5432/bantin_nowhere_7f3a", TestPostgres.ADMIN, null, null);
        try (TestPostgres reachable = TestPostgres.create()) { // skips the test where no server answers
            StoreException e = assertThrows(StoreException.class, () -> Database.open(missing, Database.DEFAULT_WAIT, WITH_SECRET));
            assertTrue(e.getMessage().contains("does not exist")
                    && e.getMessage().contains("createdb -h 127.0.0.1 -p 5432 -O postgres bantin_nowhere_7f3a"), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET));
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsToldAsSuch() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StoreAddress down = new StoreAddress("jdbc:postgresql://127.0.0.1:" + port + "/bantin", "bantin", null, null);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(down, Duration.ofSeconds(2), NO_PASSWORD));
        assertTrue(e.getMessage().startsWith("The store jdbc:postgresql://127.0.0.1:" + port + "/bantin cannot be reached")
                && e.getMessage().contains("accepts connections on 127.0.0.1:" + port), e.getMessage());
    }

    /**
     * This machine's server trusts every local user, so a wrong password cannot be refused here; a user the server
     * does not know is refused the same way (SQLState 28000), and the sentence says where the password comes from.
     */
    @Test
    void aRefusedUserIsToldWhereThePasswordComesFrom() {
        try (TestPostgres pg = TestPostgres.create()) {
            StoreAddress stranger = new StoreAddress(pg.url(), "nobody_" + pg.name(), null, null);
            StoreException unset = assertThrows(StoreException.class, () -> Database.open(stranger, Database.DEFAULT_WAIT, NO_PASSWORD));
            assertTrue(unset.getMessage().contains("refused user 'nobody_") && unset.getMessage().contains("set BANTIN_STORE_PASSWORD"),
                    unset.getMessage());
            StoreException set = assertThrows(StoreException.class, () -> Database.open(stranger, Database.DEFAULT_WAIT, WITH_SECRET));
            assertTrue(set.getMessage().contains("check the password in BANTIN_STORE_PASSWORD"), set.getMessage());
            assertFalse(set.getMessage().contains(SECRET), set.getMessage());
        }
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingRepeated() throws IOException {
        StoreAddress inUrl = new StoreAddress("jdbc:postgresql://127.0.0.1:5432/bantin?ssl=false&password=" + SECRET, "bantin", null, null);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(inUrl));
        assertTrue(e.getMessage().contains("carries a password"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());

        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), "store.url=" + inUrl.url() + "\nstore.user=bantin\n");
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n");
        ConfigException c = assertThrows(ConfigException.class, () -> ConfigLoader.load(config));
        assertTrue(c.getMessage().contains("store.url=jdbc:postgresql://127.0.0.1:5432/bantin… is not valid: it carries a password"), c.getMessage());
        assertFalse(c.getMessage().contains(SECRET), c.getMessage());
    }

    @Test
    void thePasswordIsInNoLogLineAndNoMessage() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        root.setLevel(Level.DEBUG);
        List<String> said = new ArrayList<>();
        try (TestPostgres pg = TestPostgres.create()) {
            try (Database db = Database.open(pg.address(), Database.DEFAULT_WAIT, WITH_SECRET)) {
                said.add(db.where());
                new RunStore(db.dataSource(), Clock.systemUTC()).start("province", Period.parse("2022-12"), Map.of(), Map.of());
            }
            StoreAddress stranger = new StoreAddress(pg.url(), "nobody_" + pg.name(), null, null);
            said.add(assertThrows(StoreException.class, () -> Database.open(stranger, Database.DEFAULT_WAIT, WITH_SECRET)).getMessage());
            said.add(stranger.toString());
        } finally {
            root.detachAppender(events);
            root.setLevel(before);
        }
        assertFalse(events.list.isEmpty(), "the opening logged at DEBUG (else this test sees nothing)");
        for (ILoggingEvent e : events.list) {
            said.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                said.add(t.getMessage());
            }
        }
        for (String s : said) {
            assertFalse(s != null && s.contains(SECRET), "the password is shown: " + s);
        }
    }

    /** The versioned migrations the program carries (V1__…sql and on), as Flyway finds them. */
    private static final class Migrations {
        private static java.util.List<Integer> versions() {
            try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
                return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                        .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static int count() {
            return versions().size();
        }

        static String latest() {
            return versions().get(versions().size() - 1).toString();
        }
    }
}
