package vn.bantin.run;

import java.util.ArrayList;
import java.util.List;

import vn.bantin.source.Reject;
import vn.bantin.source.RejectSink;
import vn.bantin.source.SourceProgress;

/**
 * The rejects and progress of the exports that come after documents in file order, while documents are read beside
 * them on another thread: held until the documents export has ended, then passed on, so that rejects.csv and the
 * progress lines come out in file order as when the files are read one after another. At most {@link #LIMIT} are
 * held (an export of many bad rows must not fill memory); the reader then waits for the documents to end.
 * Only the later files' reader calls {@link #reject} and {@link #rows}; the documents' reader calls
 * {@link #earlierEnded} or {@link #earlierFailed} once, after its last reject and progress line.
 */
final class HeldBack implements RejectSink, SourceProgress {
    static final int LIMIT = 10_000;

    private sealed interface Held permits Rejected, Progress {}

    private record Rejected(Reject reject) implements Held {}

    private record Progress(String file, long read, long rejected, boolean done) implements Held {}

    private final RejectSink rejects;
    private final SourceProgress progress;
    private final List<Held> held = new ArrayList<>();
    private boolean earlierEnded;
    private volatile boolean earlierFailed;
    /** Read and written by the later files' reader only. */
    private boolean passing;

    HeldBack(RejectSink rejects, SourceProgress progress) {
        this.rejects = rejects;
        this.progress = progress;
    }

    @Override
    public void reject(Reject reject) {
        pass(new Rejected(reject));
    }

    @Override
    public void rows(String file, long rowsRead, long rowsRejected, boolean done) {
        pass(new Progress(file, rowsRead, rowsRejected, done));
    }

    /** Whether the documents' reader failed: the later files stop, and what they held is never passed on. */
    boolean stopped() {
        return earlierFailed;
    }

    synchronized void earlierEnded() {
        earlierEnded = true;
        notifyAll();
    }

    synchronized void earlierFailed() {
        earlierFailed = true;
        held.clear();
        notifyAll();
    }

    /** Passes on what is held; called by the later files' reader once the documents' reader has ended well. */
    void release() {
        List<Held> out;
        synchronized (this) {
            out = new ArrayList<>(held);
            held.clear();
        }
        out.forEach(this::deliver);
        passing = true;
    }

    private void pass(Held h) {
        if (passing) {
            deliver(h);
            return;
        }
        boolean interrupted = false;
        try {
            synchronized (this) {
                while (!earlierEnded && !earlierFailed && held.size() >= LIMIT) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // reading was never interruptible; the flag is kept for whoever asked
                    }
                }
                if (earlierFailed) {
                    return; // the documents' error is the one reported; this reader stops at its next row
                }
                if (!earlierEnded) {
                    held.add(h);
                    return;
                }
            }
            release();
            deliver(h);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void deliver(Held h) {
        if (h instanceof Rejected r) {
            rejects.reject(r.reject());
        } else if (h instanceof Progress p) {
            progress.rows(p.file(), p.read(), p.rejected(), p.done());
        }
    }
}
