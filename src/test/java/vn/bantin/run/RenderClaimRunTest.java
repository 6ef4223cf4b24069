package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.store.Database;
import vn.bantin.store.NodeName;
import vn.bantin.store.RenderClaims;
import vn.bantin.store.StoreAddress;
import vn.bantin.store.TestStores;

/**
 * Two runs of the same period of the same bulletin at once on one store and one output folder (as two services of a
 * cluster, or a {@code run} beside a service): the second waits while the first renders, says for whom, and renders
 * only once the first has put its files in place; each message goes out once. On H2, and on PostgreSQL with
 * {@code -Dbantin.test.store=postgresql}.
 */
class RenderClaimRunTest {
    private static final int LEADERS = 3;

    @TempDir
    Path tmp;

    @Test
    void theSecondRunOfAPeriodRendersOnlyOnceTheFirstHasDone() throws Exception {
        TestStores.Fresh store = TestStores.fresh(tmp.resolve("var"));
        Settings settings = settings(store.address());
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstRendered = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        CountDownLatch letFirstGoOn = new CountDownLatch(1);
        RunListener first = new RunListener() {
            @Override
            public void rendered(Path file) {
                events.add("first rendered");
                firstRendered.countDown();
                await(letFirstGoOn); // holding the claim, as a slow render would
            }
        };
        RunListener second = new RunListener() {
            @Override
            public void rendered(Path file) {
                events.add("second rendered");
            }

            @Override
            public void waitingForRender(RenderClaims.Holder holder, Duration waited) {
                events.add("second waits for " + holder.bulletin() + " by " + holder.node());
                secondWaits.countDown();
            }
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (store; Database db = Database.open(settings.store())) {
            Future<RunResult> a = two.submit(() -> run(settings, first, db));
            assertTrue(firstRendered.await(2, TimeUnit.MINUTES), "the first run renders");
            Future<RunResult> b = two.submit(() -> run(settings, second, db));
            assertTrue(secondWaits.await(2, TimeUnit.MINUTES), "the second run waits: " + events);
            assertEquals(List.of("first rendered", "second waits for province by " + NodeName.current()), events);
            RenderClaims claims = new RenderClaims(db.dataSource(), Clock.systemUTC(), Duration.ofMinutes(2), Duration.ZERO);
            assertEquals(List.of("province"), claims.held().stream().map(RenderClaims.Holder::bulletin).distinct()
                    .filter("province"::equals).toList(), "the claim is in the store, where every node sees it");

            events.add("first let go on");
            letFirstGoOn.countDown();
            RunResult ra = a.get(2, TimeUnit.MINUTES);
            RunResult rb = b.get(2, TimeUnit.MINUTES);

            assertEquals(List.of("first rendered", "second waits for province by " + NodeName.current(), "first let go on",
                    "second rendered"), events, "the second renders after the first");
            assertEquals(List.of(), claims.held(), "both claims given back");
            assertEquals(LEADERS, ra.count("sent") + rb.count("sent"), "each message sent once: " + ra.deliveries() + rb.deliveries());
            assertFalse(ra.failedDeliveries() + rb.failedDeliveries() > 0);
            try (Stream<Path> sent = Files.list(settings.outboxDir())) {
                assertEquals(LEADERS, sent.filter(f -> f.toString().endsWith(".eml")).count());
            }
        } finally {
            letFirstGoOn.countDown();
            two.shutdownNow();
        }
    }

    private static RunResult run(Settings settings, RunListener listener, Database db) throws Exception {
        Clock clock = Clock.systemUTC();
        return new BulletinRun(settings, Senders.from(settings, clock), clock, listener, db.dataSource())
                .run(new RunRequest(Period.parse("2022-12"), Set.of(RunRequest.PROVINCE), Set.of(), false, "test"));
    }

    private Settings settings(StoreAddress store) throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                + "\nstore.url=" + store.url() + "\n"
                + (store.isServer() ? "store.user=" + store.user() + "\nstore.archive=" + tmp.resolve("archive") + "\n" : ""),
                StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("unit,name,email,bulletins\n");
        for (int i = 1; i <= LEADERS; i++) {
            csv.append(",Lãnh đạo ").append(i).append(",lanhdao").append(i).append("@bacninh.gov.vn,province\n");
        }
        Files.writeString(config.resolve("recipients.csv"), csv, StandardCharsets.UTF_8);
        return ConfigLoader.load(config);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
