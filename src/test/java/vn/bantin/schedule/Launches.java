package vn.bantin.schedule;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** A launcher that records what it was asked to send, and a bounded wait for it (no fixed sleeps). */
final class Launches implements BulletinLauncher {
    final List<BulletinRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void launch(BulletinRequest request) {
        requests.add(request);
    }

    long count(Predicate<BulletinRequest> which) {
        return requests.stream().filter(which).count();
    }

    /** Polls every 20 ms until {@code condition} holds; fails after {@code max}. */
    static void await(Duration max, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + max.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
