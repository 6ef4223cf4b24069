package vn.bantin.console;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.bantin.run.RunListener;

/**
 * The runs started from the console, one after another on a thread of their own, with the progress a person
 * watches (rows read, bulletins rendered, messages sent) while they go: the page polls it as JSON.
 */
final class LiveRuns implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRuns.class);

    /** What a live run has done so far. {@code state}: queued, running, done, failed. */
    record Progress(String id, What what, String state, long rowsRead, int rendered, int sent, int notDelivered,
                    List<String> pdfs, String requestId, List<RunNote> notes, Instant startedAt) {
        /** The notes as the JSON API says them: in English, one after another. */
        String message() {
            return notes.isEmpty() ? null : String.join("; ", notes.stream().map(RunNote::english).toList());
        }

        /** The notes in the reader's words. */
        String message(View v) {
            return notes.isEmpty() ? null : String.join("; ", notes.stream().map(n -> n.in(v)).toList());
        }
    }

    /** What runs: {@code kind} run, preview or resend, of {@code bulletins} ("province+unit", or one unit's code after it) for {@code period}. */
    record What(String kind, String bulletins, String period) {
        @Override
        public String toString() {
            return kind + " " + bulletins + " " + period;
        }
    }

    interface Work {
        /** Does the run, telling {@code listener}; returns what a person must know beyond the counts (empty: nothing). */
        List<RunNote> run(RunListener listener) throws Exception;
    }

    private final class Live implements RunListener {
        final String id;
        final What what;
        final String requestId;
        final Instant startedAt;
        volatile String state = "queued";
        volatile List<RunNote> notes = List.of();
        final Map<String, Long> rows = new ConcurrentHashMap<>();
        final AtomicInteger rendered = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<String> pdfs = java.util.Collections.synchronizedList(new ArrayList<>());

        Live(String id, What what, String requestId, Instant startedAt) {
            this.id = id;
            this.what = what;
            this.requestId = requestId;
            this.startedAt = startedAt;
        }

        @Override
        public void rows(String file, long rowsRead, long rowsRejected, boolean done) {
            rows.merge(file, rowsRead, Math::max);
        }

        @Override
        public void rendered(Path file) {
            rendered.incrementAndGet();
            if (file.getFileName().toString().endsWith(".pdf")) {
                pdfs.add(file.toString());
            }
        }

        @Override
        public void delivered(String recipient, String where) {
            sent.incrementAndGet();
        }

        Progress progress() {
            return new Progress(id, what, state, rows.values().stream().mapToLong(Long::longValue).sum(), rendered.get(), sent.get(),
                    failed.get(), List.copyOf(pdfs), requestId, notes, startedAt);
        }
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bantin-console-run");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Live> runs = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final Clock clock;

    LiveRuns(Clock clock) {
        this.clock = clock;
    }

    /** Queues {@code work} and returns the id its progress is read by. */
    String start(What what, String requestId, Work work) {
        String id = "live-" + seq.incrementAndGet() + "-" + Secrets.token().substring(0, 8);
        Live live = new Live(id, what, requestId, clock.instant());
        runs.put(id, live);
        worker.submit(() -> {
            live.state = "running";
            try {
                live.notes = List.copyOf(work.run(live));
                live.state = "done";
            } catch (Exception | Error e) {
                live.notes = List.of(RunNote.Stopped.of(e)); // before the state: a poll that sees "failed" sees why
                live.state = "failed";
                LOG.warn("{} from the console failed: {}", what, live.notes.get(0).english());
            }
        });
        return id;
    }

    java.util.Optional<Progress> progress(String id) {
        return java.util.Optional.ofNullable(runs.get(id)).map(Live::progress);
    }

    /** Sets how many messages were not delivered, once the run knows it. */
    static void notDelivered(RunListener listener, int count) {
        if (listener instanceof Live l) {
            l.failed.set(count);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
