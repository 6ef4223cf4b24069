package vn.bantin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import vn.bantin.indicator.Period;
import vn.bantin.store.Database;
import vn.bantin.store.TestPostgres;

/**
 * Nodes of a cluster starting together on one fresh PostgreSQL store, and the clients a long-running serve makes for
 * each command it answers. Needs the PostgreSQL server of 127.0.0.1:5432 (skipped with the reason without one).
 */
class ClusterStartTest {
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static Schedules schedules() {
        List<Schedule> triggers = new ArrayList<>();
        for (String name : List.of("monthly", "quarterly", "yearly")) {
            triggers.add(new Schedule(name, "0 30 7 3 * ?", HCM, PeriodRule.PREVIOUS_MONTH, List.of(Bulletins.PROVINCE)));
        }
        return Schedules.of(triggers).withTiming(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @RepeatedTest(3)
    void twoNodesBringingAFreshStoreInLineAtOnceEachAddTheSchedulesOnceAndNeitherFails() throws Exception {
        try (TestPostgres pg = TestPostgres.create();
             Database one = Database.open(pg.address());
             Database two = Database.open(pg.address());
             BulletinScheduler a = node(one);
             BulletinScheduler b = node(two)) {
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<BulletinScheduler.Reconciled> ra = CompletableFuture.supplyAsync(() -> reconcileAt(together, a));
            CompletableFuture<BulletinScheduler.Reconciled> rb = CompletableFuture.supplyAsync(() -> reconcileAt(together, b));
            BulletinScheduler.Reconciled first = ra.get();
            BulletinScheduler.Reconciled second = rb.get();

            List<String> added = new ArrayList<>(first.added());
            added.addAll(second.added());
            List<String> unchanged = new ArrayList<>(first.unchanged());
            unchanged.addAll(second.unchanged());
            assertEquals(List.of("monthly", "quarterly", "yearly"), added.stream().sorted().toList(),
                    "each schedule added by one node: " + first + " / " + second);
            assertEquals(3, unchanged.size(), "and found as it is by the other: " + first + " / " + second);
            assertEquals(List.of(), first.updated());
            assertEquals(List.of(), second.updated());
            assertEquals(3, a.listTriggers().size());
        }
    }

    private static BulletinScheduler node(Database db) {
        return new BulletinScheduler(db.dataSource(), schedules(), request -> { }, bulletin -> List.of(), Clock.system(HCM),
                SchedulerEvents.NONE);
    }

    private static BulletinScheduler.Reconciled reconcileAt(CyclicBarrier together, BulletinScheduler node) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return node.reconcile();
    }

    /**
     * A serve makes a client for each trigger or schedule it answers: closing them lets go of what Quartz was given,
     * and a client on another store closed meanwhile does not take the running service's connections away.
     */
    @Test
    void clientsComeAndGoWithoutLeavingConnectionsBehindOrTakingTheServicesAway() throws Exception {
        try (TestPostgres pg = TestPostgres.create();
             TestPostgres other = TestPostgres.create();
             Database store = Database.open(pg.address());
             Database elsewhere = Database.open(other.address())) {
            int before = QuartzSettings.Providers.inUse();
            Launches launches = new Launches();
            BulletinScheduler service = new BulletinScheduler(store.dataSource(), schedules(), launches,
                    bulletin -> List.of("chutich@bacninh.gov.vn"), Clock.system(HCM), SchedulerEvents.NONE);
            try {
                service.start();
                for (int i = 0; i < 50; i++) {
                    try (BulletinScheduler client = BulletinScheduler.client(store.dataSource(), schedules(), Clock.system(HCM))) {
                        client.listTriggers();
                    }
                    try (BulletinScheduler client = BulletinScheduler.client(elsewhere.dataSource(), schedules(), Clock.system(HCM))) {
                        client.listTriggers();
                    }
                }
                assertEquals(before + 1, QuartzSettings.Providers.inUse(), "only the service's store is still named");
                elsewhere.close();
                // The service still reaches its own store: a request stored now runs.
                try (BulletinScheduler client = BulletinScheduler.client(store.dataSource(), schedules(), Clock.system(HCM))) {
                    client.requestRun(Bulletins.PROVINCE, Period.parse("2020"), false, "test");
                }
                Launches.await(Duration.ofSeconds(30), "the request", () -> launches.requests.size() == 1);
            } finally {
                service.stop();
            }
            assertEquals(before, QuartzSettings.Providers.inUse(), "nothing left once the service stopped");
        }
    }
}
