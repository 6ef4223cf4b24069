package vn.bantin.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills one bulletin on a thread of its own, so that a template that loops without end or asks for more memory than
 * there is fails that bulletin, in one sentence, and the process goes on to the others. JasperReports' time governor
 * looks at the clock only between records, and a bulletin has one record, so a loop inside one expression is stopped
 * here: the fill is cancelled, then its thread is stopped.
 */
final class FillGuard {
    private static final Logger log = LoggerFactory.getLogger(FillGuard.class);
    private static final Duration GRACE = Duration.ofSeconds(1);

    private FillGuard() {
    }

    /** What to do at the deadline before the thread is stopped (JasperReports' own cancel, between bands). */
    interface Cancel {
        void cancel() throws Exception;
    }

    static <T> T run(Path template, Duration timeout, Supplier<T> fill, Cancel cancel) {
        FutureTask<T> task = new FutureTask<>(fill::get);
        Thread worker = new Thread(task, "fill " + template.getFileName());
        worker.setDaemon(true); // a thread that cannot be stopped must not keep the process alive
        worker.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(template, worker, cancel);
            throw ReportException.inTemplate(template, "was still being filled after " + seconds(timeout)
                    + " (templates.fill-timeout in config/bantin.properties), so it was stopped; an expression may loop"
                    + " without end", null);
        } catch (InterruptedException e) {
            stop(template, worker, cancel);
            Thread.currentThread().interrupt();
            throw ReportException.inTemplate(template, "was not filled: the run was interrupted", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError) {
                throw ReportException.inTemplate(template, "ran out of memory while being filled (" + cause.getMessage()
                        + "); an expression builds a value too large to hold, such as \"x\".repeat(...) of a huge count", null);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Path template, Thread worker, Cancel cancel) {
        try {
            cancel.cancel();
        } catch (Exception e) {
            log.debug("Cancelling the fill of {} failed", template, e);
        }
        worker.interrupt();
        try {
            worker.join(GRACE.toMillis());
            if (worker.isAlive()) {
                // An expression in a loop never looks at the flags above; nothing of this thread is shared.
                worker.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            log.warn("The fill of {} could not be stopped on this Java version; it keeps one processor busy until"
                    + " the process ends", template);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
