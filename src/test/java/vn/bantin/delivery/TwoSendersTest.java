package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.BulletinRun;
import vn.bantin.run.RunListener;
import vn.bantin.run.RunRequest;
import vn.bantin.run.RunResult;
import vn.bantin.store.Database;

/**
 * Two runs of the same period at once on one store (a manual trigger while a scheduled batch sends, in the service),
 * against a server that takes its time with each message: each message goes out once, and a message the other sender
 * is sending is reported as such, not as a failure, and the administrator is not mailed. (Two processes cannot hold
 * the embedded store at once: the second waits for it, see DatabaseTest.)
 *
 * <p>The second run renders only once the first has given back the render claim and begun to send: where its render
 * outlasts the first one's twelve messages (a busy machine), nothing is left to overlap and no message is found busy.
 * So the server answers the first message's final dot only once the other sender has found that message being sent:
 * the overlap the test is about happens however long either run takes.
 */
class TwoSendersTest {
    private static final int RECIPIENTS = 12;
    private static final String ADMIN = "admin@bacninh.gov.vn";

    @TempDir
    Path tmp;

    @Test
    void aMessageBeingSentByTheOtherSenderIsNotAFailure() throws Exception {
        try (SmtpStub server = SmtpStub.answeringData("250 OK queued")) {
            server.dotDelayMillis = 400;
            CountDownLatch otherFoundItBusy = new CountDownLatch(1);
            AtomicBoolean first = new AtomicBoolean(true);
            server.onDot = () -> {
                if (first.getAndSet(false)) {
                    awaitQuietly(otherFoundItBusy);
                }
            };
            RunListener listener = new RunListener() {
                @Override
                public void delivered(String recipient, String where) {
                    if (where.contains("being sent by another process")) {
                        otherFoundItBusy.countDown();
                    }
                }
            };
            String store = vn.bantin.store.TestStores.properties(tmp.resolve("var")) + "mail.admin=" + ADMIN + "\n";
            List<Settings> settings = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                // Each its own out folder: what is shared, and raced for, is the store and the server.
                settings.add(ConfigLoader.load(ChildRuns.config(tmp.resolve(name), server.port(), store, ChildRuns.leaders(RECIPIENTS))));
            }
            List<RunResult> results = new ArrayList<>();
            ExecutorService two = Executors.newFixedThreadPool(2);
            try (Database db = Database.open(settings.get(0).store())) {
                List<Future<RunResult>> runs = new ArrayList<>();
                for (Settings s : settings) {
                    runs.add(two.submit(() -> new BulletinRun(s, new SmtpSender(s.mail().smtp(), s.mailFrom(), Clock.systemUTC()),
                            Clock.systemUTC(), listener, db.dataSource())
                            .run(new RunRequest(Period.parse("2022-12"), Set.of("province"), Set.of(), false, "test"))));
                }
                for (Future<RunResult> f : runs) {
                    results.add(f.get(5, TimeUnit.MINUTES));
                }
            } finally {
                two.shutdownNow();
            }

            Map<String, Integer> copies = new TreeMap<>();
            server.recipients().forEach(r -> copies.merge(r, 1, Integer::sum));
            assertFalse(copies.containsKey(ADMIN), "no administrator mail: " + results);
            assertEquals(RECIPIENTS, copies.size(), "everyone: " + copies);
            assertTrue(copies.values().stream().allMatch(n -> n == 1), "each once: " + copies);
            List<RunResult.Delivery> all = results.stream().flatMap(r -> r.deliveries().stream()).toList();
            assertTrue(all.stream().noneMatch(RunResult.Delivery::failed), "no failure: " + all);
            assertTrue(all.stream().anyMatch(d -> d.status().equals("busy") && d.where().contains("being sent by another process")),
                    "the overlap is said as such: " + all);
        }
    }

    /** Waits for {@code latch}, at most long enough for the other run to render on a busy machine. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
