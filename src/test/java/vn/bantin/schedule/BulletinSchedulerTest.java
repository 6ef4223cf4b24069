package vn.bantin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Period;
import vn.bantin.store.Database;
import vn.bantin.store.TestStores;

/** A real Quartz scheduler on a real H2 file database, migrated by Flyway; waits are bounded polls. */
class BulletinSchedulerTest {
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> LEADERS = List.of("chutich@bacninh.gov.vn", "vanphong@bacninh.gov.vn");

    @TempDir
    java.nio.file.Path dir;

    private TestDatabase db;

    @BeforeEach
    void database() {
        db = TestDatabase.create(dir);
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /** Short poll and check-in so that a test waits a second, not half a minute. */
    private static Schedules schedules(Schedule... triggers) {
        return Schedules.of(List.of(triggers)).withTiming(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    private BulletinScheduler service(Schedules s, BulletinLauncher launcher, RecipientSource recipients) {
        return new BulletinScheduler(db.pool, s, launcher, recipients, Clock.system(HCM), SchedulerEvents.NONE);
    }

    private static RecipientSource leaders() {
        return b -> b.equals(Bulletins.PROVINCE) ? LEADERS : List.of();
    }

    @Test
    void aFireMissedWhileNoServiceRanIsCaughtUpOnceAndOnlyOnce() {
        // A daily trigger due one hour ago; it was stored two hours ago, by a scheduler that then went away.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime due = now.minus(1, ChronoUnit.HOURS).atZone(HCM);
        Schedule daily = new Schedule("daily", due.getSecond() + " " + due.getMinute() + " " + due.getHour() + " * * ?",
                HCM, PeriodRule.PREVIOUS_MONTH, List.of(Bulletins.PROVINCE));
        Schedules s = schedules(daily);
        Launches launches = new Launches();
        try (BulletinScheduler before = new BulletinScheduler(db.pool, s, launches, leaders(),
                Clock.fixed(now.minus(2, ChronoUnit.HOURS), HCM), SchedulerEvents.NONE)) {
            assertEquals(List.of("daily"), before.reconcile().added());
            TriggerInfo stored = before.listTriggers().get(0);
            assertEquals(due.toInstant(), stored.next(), "due while no service ran");
        }
        try (BulletinScheduler client = BulletinScheduler.client(db.pool, s, Clock.system(HCM))) {
            assertEquals("waiting; missed: serve catches it up once when it starts", client.listTriggers().get(0).state());
        }

        BulletinScheduler first = service(s, launches, leaders());
        assertEquals(List.of("daily"), first.start().unchanged());
        Launches.await(WAIT, "the missed fire", () -> launches.requests.size() == 1);
        BulletinRequest r = launches.requests.get(0);
        assertEquals(Period.parse(YearMonth.from(due).minusMonths(1).toString()), r.period(), "the period of the due time");
        assertEquals(LEADERS, r.recipientBatch());
        assertTrue(r.cause().startsWith("schedule daily of "), r.cause());
        assertTrue(r.cause().contains("caught up at"), r.cause());
        Launches.await(WAIT, "the trigger to move on", () -> first.listTriggers().get(0).next().isAfter(now));
        assertEquals(due.plusDays(1).toInstant(), first.listTriggers().get(0).next());
        first.stop();

        // A second start: nothing was missed since, so nothing fires. A request stored after start runs, which shows
        // the service took its first look at the store; by then the schedule would have fired again if it were going to.
        BulletinScheduler second = service(s, launches, leaders());
        second.start();
        second.requestRun(Bulletins.PROVINCE, Period.parse("2020"), false, "test");
        Launches.await(WAIT, "the marker request", () -> launches.count(q -> q.period().key().equals("2020")) == 1);
        assertEquals(1, launches.count(q -> q.cause().startsWith("schedule daily")), "fired once, not again");
        second.stop();
    }

    @Test
    void aPlanFansOutIntoOneSendJobPerBatch() {
        List<String> people = IntStream.rangeClosed(1, 120).mapToObj(i -> "unit" + i + "@bacninh.gov.vn").toList();
        Launches launches = new Launches();
        BulletinScheduler service = service(schedules().withBatchSize(50), launches, b -> people);
        service.start();
        service.requestRun(Bulletins.UNIT, Period.parse("2022-12"), true, "test");
        Launches.await(WAIT, "three send jobs", () -> launches.requests.size() == 3);
        List<BulletinRequest> byBatch = launches.requests.stream()
                .sorted(java.util.Comparator.comparing(BulletinRequest::cause)).toList();
        assertEquals(List.of(50, 50, 20), byBatch.stream().map(q -> q.recipientBatch().size()).toList());
        assertEquals(people, byBatch.stream().flatMap(q -> q.recipientBatch().stream()).toList());
        for (BulletinRequest q : byBatch) {
            assertEquals("unit", q.bulletin());
            assertEquals(Period.parse("2022-12"), q.period());
            assertTrue(q.force());
            assertTrue(q.cause().startsWith("requested by test at "), q.cause());
        }
        assertTrue(byBatch.get(2).cause().endsWith(", batch 3/3"), byBatch.get(2).cause());
        Launches.await(WAIT, "the send jobs to leave the store", () -> service.pending().isEmpty());
        service.stop();
    }

    @Test
    void aRequestStoredByAClientRunsOnTheService() throws Exception {
        // `trigger` reaches a running serve through its socket, and serve stores the request as a client of its own
        // store: a second scheduler instance, on its own pool of the same database, that never runs a job.
        Launches launches = new Launches();
        BulletinScheduler service = service(schedules(), launches, leaders());
        try (Database second = db.openAgain();
             BulletinScheduler client = BulletinScheduler.client(second.dataSource(), schedules(), Clock.system(HCM))) {
            assertTrue(client.aliveInstances().isEmpty(), "no service yet");
            service.start();
            assertEquals(List.of(service.instanceId()), client.aliveInstances().stream().map(ServiceInstance::id).toList());

            long asked = System.nanoTime();
            BulletinScheduler.Requested receipt = client.requestRun(Bulletins.PROVINCE, Period.parse("2022-Q4"), false, "an operator");
            assertEquals(1, receipt.services().size());
            Launches.await(WAIT, "the service to run the request", () -> launches.requests.size() == 1);
            Duration took = Duration.ofNanos(System.nanoTime() - asked);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "taken on the next poll, took " + took);
            assertEquals(Period.parse("2022-Q4"), launches.requests.get(0).period());
            assertEquals(LEADERS, launches.requests.get(0).recipientBatch());
            assertTrue(launches.requests.get(0).cause().startsWith("requested by an operator at "));
        } finally {
            service.stop();
        }
        try (BulletinScheduler after = BulletinScheduler.client(db.pool, schedules(), Clock.system(HCM))) {
            assertTrue(after.aliveInstances().isEmpty(), "a stopped service removes its check-in");
        }
    }

    @Test
    void reconcileAddsUpdatesAndRemovesStoredTriggers() {
        Clock clock = Clock.fixed(Instant.parse("2029-12-31T17:00:00Z"), HCM); // 2030-01-01 00:00 in Hanoi
        Schedule monthly = new Schedule("monthly", "0 30 7 3 * ?", HCM, PeriodRule.PREVIOUS_MONTH, List.of("province", "unit"));
        Schedule yearly = new Schedule("yearly", "0 30 7 10 1 ?", HCM, PeriodRule.PREVIOUS_YEAR, List.of("province"));
        try (BulletinScheduler a = BulletinScheduler.client(db.pool, schedules(monthly, yearly), clock)) {
            assertEquals("not in the store yet: serve adds it", a.listTriggers().get(0).state());
        }
        try (BulletinScheduler a = new BulletinScheduler(db.pool, schedules(monthly, yearly), new Launches(), leaders(), clock,
                SchedulerEvents.NONE)) {
            assertEquals(List.of("monthly", "yearly"), a.reconcile().added());
            assertEquals(List.of("monthly", "yearly"), a.reconcile().unchanged(), "a second pass changes nothing");
            TriggerInfo m = a.listTriggers().get(0);
            assertEquals(Instant.parse("2030-01-03T00:30:00Z"), m.next());
            assertEquals("waiting", m.state());
        }

        Schedule moved = new Schedule("monthly", "0 0 8 5 * ?", HCM, PeriodRule.PREVIOUS_MONTH, List.of("province", "unit"));
        try (BulletinScheduler client = BulletinScheduler.client(db.pool, schedules(moved), clock)) {
            List<TriggerInfo> seen = client.listTriggers();
            assertEquals("waiting; changed in the config: serve updates it", seen.get(0).state());
            assertEquals("waiting; not in the config: serve removes it", seen.get(1).state());
        }
        try (BulletinScheduler b = new BulletinScheduler(db.pool, schedules(moved), new Launches(), leaders(), clock,
                SchedulerEvents.NONE)) {
            BulletinScheduler.Reconciled r = b.reconcile();
            assertEquals(List.of("monthly"), r.updated());
            assertEquals(List.of("yearly"), r.removed());
            List<TriggerInfo> now = b.listTriggers();
            assertEquals(1, now.size());
            assertEquals("0 0 8 5 * ?", now.get(0).cron());
            assertEquals(Instant.parse("2030-01-05T01:00:00Z"), now.get(0).next(), "the new cron's next fire");
            assertEquals("waiting", now.get(0).state());
        }
    }

    @Test
    void stoppingFinishesTheBatchInProgressAndHandsBackTheRest() throws Exception {
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Launches done = new Launches();
        BulletinLauncher slow = q -> {
            inFirst.countDown();
            release.await(30, TimeUnit.SECONDS);
            done.launch(q);
        };
        List<String> people = IntStream.rangeClosed(1, 3).mapToObj(i -> "p" + i + "@bacninh.gov.vn").toList();
        Schedules oneAtATime = new Schedules(java.nio.file.Path.of("schedules.properties"), List.of(), 1, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
        BulletinScheduler service = service(oneAtATime, slow, b -> people);
        service.start();
        service.requestRun(Bulletins.PROVINCE, Period.parse("2022-11"), false, "test");
        assertTrue(inFirst.await(20, TimeUnit.SECONDS), "a batch started");

        CompletableFuture<BulletinScheduler.Stopped> stopping = CompletableFuture.supplyAsync(service::stop);
        Launches.await(WAIT, "the service to begin stopping", service::standingBy);
        assertFalse(stopping.isDone(), "stop waits for the batch in progress");
        release.countDown();
        BulletinScheduler.Stopped stopped = stopping.get(20, TimeUnit.SECONDS);
        assertEquals(1, done.requests.size(), "the batch in progress finished, whole");
        assertEquals(2, stopped.waiting(), "the other two wait in the store");

        Launches later = new Launches();
        BulletinScheduler next = service(oneAtATime, later, b -> people);
        next.start();
        Launches.await(WAIT, "the two handed-back batches", () -> later.requests.size() == 2);
        List<String> sent = new java.util.ArrayList<>(done.requests.get(0).recipientBatch());
        later.requests.forEach(q -> sent.addAll(q.recipientBatch()));
        assertEquals(people, sent.stream().sorted().toList(), "every recipient once");
        next.stop();
    }

    @Test
    void checkInsAreJudgedByTheClock() {
        ServiceInstance i = new ServiceInstance("host-1-abc", Instant.parse("2030-01-01T00:00:00Z"), Duration.ofSeconds(15));
        assertTrue(i.alive(Instant.parse("2030-01-01T00:00:22.500Z")));
        assertFalse(i.alive(Instant.parse("2030-01-01T00:00:22.501Z")));
    }

    @Test
    void aClientListsTheStoreWithoutAService() {
        try (BulletinScheduler client = BulletinScheduler.client(db.pool, schedules(), Clock.system(HCM))) {
            assertTrue(client.listTriggers().isEmpty());
            assertTrue(client.pending().isEmpty());
            client.requestRun(Bulletins.PROVINCE, Period.parse("2022"), false, "test");
            List<BulletinScheduler.Pending> p = client.pending();
            assertEquals(1, p.size());
            assertEquals("request province 2022", p.get(0).description());
            assertEquals("waiting", p.get(0).state());
            assertNull(client.instances().stream().findFirst().orElse(null));
        }
    }

    @Test
    void aBatchWhoseExportsAreLateRunsAgainLaterAndGivesUpAfterItsRetries() {
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        BulletinLauncher late = request -> {
            tries.incrementAndGet();
            throw new RetryLater("documents.csv reaches 30/11/2022 only", java.time.Duration.ofMillis(200), 2);
        };
        try (BulletinScheduler service = service(schedules(), late, leaders())) {
            service.start();
            service.requestRun(Bulletins.PROVINCE, Period.parse("2022-12"), false, "test");
            Launches.await(WAIT, "the first try and two retries (tries: " + tries + ")", () -> tries.get() == 3);
            Launches.await(WAIT, "the job to leave the store", () -> service.pending().isEmpty());
            assertEquals(3, tries.get(), "no fourth try after the last retry");
        }
    }
}
