package vn.bantin.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs bulletin renders on a bounded pool ({@code render.threads}) and hands each outcome back on the calling thread
 * in the order the work was given, so that what a run lists, records and sends is the same for any number of threads.
 */
final class RenderPool {
    /** What to do with one outcome, on the calling thread. */
    @FunctionalInterface
    interface Outcome<T> {
        void accept(T result) throws IOException;
    }

    private RenderPool() {
    }

    static <T> void run(int threads, List<Callable<T>> work, Outcome<T> outcome) throws IOException {
        if (threads <= 1 || work.size() <= 1) {
            for (Callable<T> w : work) {
                outcome.accept(call(w));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, work.size()), named());
        try {
            List<Future<T>> pending = new ArrayList<>(work.size());
            work.forEach(w -> pending.add(pool.submit(w)));
            for (Future<T> f : pending) {
                outcome.accept(result(f));
            }
        } finally {
            pool.shutdownNow(); // after a failure, the rest is not rendered
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> T call(Callable<T> w) throws IOException {
        try {
            return w.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T result(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a bulletin to be rendered", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
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

    private static ThreadFactory named() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "render-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
