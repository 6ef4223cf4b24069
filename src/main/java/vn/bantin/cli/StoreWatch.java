package vn.bantin.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

/**
 * Tells serve's reader when the store stops answering and when it answers again, one line each, instead of the
 * stack traces Quartz would print (see {@link StoreOutageFilter}). Meanwhile Quartz retries by itself: no job starts,
 * a job in progress fails at its next statement, and the job is recovered once the store is back.
 */
final class StoreWatch implements AutoCloseable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Thread thread;
    private volatile boolean closed;

    private StoreWatch(DataSource store, String where, Duration every, Duration checkin, PrintWriter err, Clock clock) {
        thread = new Thread(() -> {
            Instant downSince = null;
            while (!closed) {
                String problem = problem(store);
                if (problem != null && downSince == null) {
                    downSince = clock.instant();
                    err.println(time(clock) + " the store " + where + " cannot be reached (" + problem + "); no job starts"
                            + " on this node until it answers, and a job in progress fails at its next use of the store"
                            + " (the ledger keeps what it sent; the next run of the period sends the rest). This node tries"
                            + " again every " + every.toSeconds() + " s; other nodes that reach the store take over its"
                            + " batches in progress once its check-in is " + (checkin.toSeconds() + 8) + " s overdue.");
                } else if (problem == null && downSince != null) {
                    err.println(time(clock) + " the store " + where + " answers again, after "
                            + Duration.between(downSince, clock.instant()).toSeconds() + " s; jobs go on");
                    downSince = null;
                }
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bantin-store-watch");
        thread.setDaemon(true);
    }

    /** Watches {@code store} every {@code every} (serve's check-in interval). */
    static StoreWatch start(DataSource store, String where, Duration every, PrintWriter err, Clock clock) {
        StoreWatch w = new StoreWatch(store, where, every, every, err, clock);
        w.thread.start();
        return w;
    }

    /** Null when the store answers, else what went wrong in a few words. */
    private static String problem(DataSource store) {
        try (Connection c = store.getConnection()) {
            return c.isValid(5) ? null : "the connection is not valid";
        } catch (SQLException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
            return m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m;
        }
    }

    private static String time(Clock clock) {
        return CLOCK.format(clock.instant().atZone(clock.getZone()));
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
