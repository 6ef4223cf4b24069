package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.schedule.BulletinScheduler;
import vn.bantin.schedule.RecipientSource;
import vn.bantin.schedule.SchedulerEvents;
import vn.bantin.schedule.Schedules;
import vn.bantin.store.Database;
import vn.bantin.store.TestPostgres;

/**
 * A schedule's fire missed while every node of the cluster was down is caught up once when they come back, however
 * close together: two {@code serve} JVMs started at the same moment on one PostgreSQL store plan it once between
 * them, and its send job runs once. The trigger is stored, as an earlier serve would have stored it, two minutes
 * before a daily cron fell due a minute or two ago; the misfire threshold is 5 s, so the fire counts as missed.
 */
class ClusterCatchUpTest {
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @Test
    void aFireMissedWhileBothNodesWereDownRunsOnceWhenTheyComeBack() throws Exception {
        try (TestPostgres pg = TestPostgres.create()) {
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            List<ClusterKillTest.Node> nodes = List.of();
            try {
                Path config = ChildRuns.config(tmp, mail.getSmtp().getPort(), "store.url=" + pg.url() + "\nstore.user="
                        + TestPostgres.ADMIN + "\n", ChildRuns.leaders(4));
                ZonedDateTime due = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES).atZone(HCM);
                Files.writeString(config.resolve("schedules.properties"), "time-zone=Asia/Ho_Chi_Minh\npoll-seconds=1\n"
                        + "checkin-seconds=2\nbatch-size=20\nthreads=1\nmisfire-threshold-seconds=5\n"
                        + "trigger.daily.cron=0 " + due.getMinute() + " " + due.getHour() + " * * ?\n"
                        + "trigger.daily.period=previous-month\ntrigger.daily.bulletins=province\n", StandardCharsets.UTF_8);

                // An earlier serve stored the trigger before it was due, then the cluster went down.
                Schedules schedules = Schedules.load(config, HCM);
                try (Database db = Database.open(pg.address());
                     BulletinScheduler earlier = new BulletinScheduler(db.dataSource(), schedules, request -> { },
                             RecipientSource.of(List.of()), Clock.fixed(due.minusMinutes(2).toInstant(), HCM),
                             SchedulerEvents.NONE)) {
                    assertEquals(List.of("daily"), earlier.reconcile().added());
                }

                // Both nodes come back at the same moment.
                nodes = List.of(ClusterKillTest.Node.start(tmp.resolve("node-a.log"), config),
                        ClusterKillTest.Node.start(tmp.resolve("node-b.log"), config));
                List<ClusterKillTest.Node> both = nodes;
                // Done when the trigger has moved on to tomorrow's fire and no job of it is in progress: from then on
                // neither node can fire it again today.
                nodes.get(0).await(both, "the missed fire to be caught up and the trigger to move on", 200,
                        () -> movedOn(pg, due.plusDays(1).toInstant()) && fired(pg) == 0 && sendJobsEnded(both) >= 1);

                long plans = both.stream().mapToLong(n -> n.log().lines()
                        .filter(l -> l.contains(" done   schedule daily")).count()).sum();
                long sends = both.stream().mapToLong(n -> n.log().lines()
                        .filter(l -> l.contains(" start  send province ")).count()).sum();
                String logs = both.get(0).log() + "\n----\n" + both.get(1).log();
                assertEquals(1, plans, "the missed fire was planned once in the cluster: " + logs);
                String cause = cause(pg);
                assertTrue(cause.startsWith("schedule daily of " + java.time.format.DateTimeFormatter
                        .ofPattern("yyyy-MM-dd HH:mm").format(due)) && cause.contains("caught up at"),
                        "recorded as the catch-up of the missed fire: " + cause);
                assertEquals(1, sends, "its one send job ran once: " + logs);
                assertEquals(1, runs(pg), "one run recorded for the fire: " + logs);
            } finally {
                for (ClusterKillTest.Node n : nodes) {
                    n.process().destroy();
                    if (!n.process().waitFor(60, TimeUnit.SECONDS)) {
                        n.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    }
                }
                mail.stop();
            }
        }
    }

    /** The send jobs that ended on the nodes, done or failed (the period's exports are not there: tried later). */
    private static long sendJobsEnded(List<ClusterKillTest.Node> nodes) {
        return nodes.stream().mapToLong(n -> n.log().lines()
                .filter(l -> (l.contains(" done   send ") || l.contains(" FAILED send "))).count()).sum();
    }

    private static boolean movedOn(TestPostgres pg, Instant tomorrow) {
        return query(pg, "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'daily'") == tomorrow.toEpochMilli();
    }

    private static long fired(TestPostgres pg) {
        return query(pg, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS");
    }

    private static long runs(TestPostgres pg) {
        return query(pg, "SELECT COUNT(*) FROM run");
    }

    private static String cause(TestPostgres pg) {
        try (Connection c = pg.connect(); PreparedStatement s = c.prepareStatement("SELECT cause FROM run");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : "";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long query(TestPostgres pg, String sql) {
        try (Connection c = pg.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
