package vn.bantin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

import vn.bantin.delivery.Recipient;
import vn.bantin.run.RunListener;
import vn.bantin.run.RunRequest;
import vn.bantin.store.RenderClaims;

/**
 * What a run prints while it works: a line per export read, then a few lines for the bulletins and the messages
 * (at a quarter, a half, three quarters and all of them), or one line that counts up in place when the output is a
 * terminal. Each file and each message is listed in run-summary.txt; only what went wrong is printed one by one.
 */
final class RunProgress implements RunListener {
    private final PrintWriter out;
    private final boolean terminal;
    private final Counter units;
    private final Counter messages;

    RunProgress(PrintWriter out, boolean terminal, long unitBulletins, long messages) {
        this.out = out;
        this.terminal = terminal;
        this.units = new Counter("rendered", "unit bulletins", unitBulletins);
        this.messages = new Counter("sent    ", "messages", messages);
    }

    /** For a run of {@code request} to these recipients: how many unit bulletins and messages it is to make. */
    static RunProgress of(PrintWriter out, boolean terminal, RunRequest request, Collection<Recipient> recipients) {
        long units = recipients.stream().filter(r -> request.delivers(r, RunRequest.UNIT)).map(Recipient::unit).distinct().count();
        long messages = request.bulletins().stream()
                .mapToLong(b -> recipients.stream().filter(r -> request.delivers(r, b)).count()).sum();
        return new RunProgress(out, terminal, units, messages);
    }

    @Override
    public void rows(String file, long rowsRead, long rowsRejected, boolean done) {
        if (done) {
            out.printf(Locale.ROOT, "  read %-15s %,d rows%s%n", file, rowsRead,
                    rowsRejected == 0 ? "" : String.format(Locale.ROOT, " (%,d rejected)", rowsRejected));
        }
    }

    @Override
    public void rendered(Path file) {
        if (file.getParent() != null && file.getParent().getFileName().toString().equals("tinh")) {
            out.println("  rendered " + file.getFileName());
        } else {
            units.step();
        }
    }

    @Override
    public void delivered(String recipient, String where) {
        if (where.startsWith("not delivered")) {
            messages.interrupt();
            out.println("  NOT SENT " + recipient + ": " + where);
        } else if (where.startsWith("skipped: ")) {
            // Not a message: a recipient whose unit is not in the data, said once, each with its line.
            messages.interrupt();
            out.println("  " + where);
            return;
        }
        messages.step();
    }

    @Override
    public void waitingForRender(RenderClaims.Holder holder, Duration waited) {
        units.interrupt();
        out.println(waited.isZero()
                ? "  waiting: the " + holder.bulletin() + " bulletin of " + holder.periodKey() + " is being rendered by "
                        + holder.node() + "; this run renders it when that one is done"
                : "  still waiting for " + holder.node() + " (" + waited.toMinutes() + " min so far)");
    }

    @Override
    public void notMade(String bulletin, String unit, String problem) {
        units.interrupt();
        out.println("  NOT MADE " + (unit == null ? bulletin : unit) + ": " + problem);
    }

    /** Counts one kind of thing and prints at the milestones, or in place on a terminal. */
    private final class Counter {
        private final String verb;
        private final String what;
        private final long total;
        private long done;
        private boolean inPlace;

        Counter(String verb, String what, long total) {
            this.verb = verb;
            this.what = what;
            this.total = total;
        }

        void step() {
            done++;
            String line = String.format(Locale.ROOT, "  %s %,d/%,d %s", verb, done, Math.max(total, done), what);
            if (terminal) {
                out.print("\r" + line + (done >= total ? "\n" : ""));
                out.flush();
                inPlace = done < total;
            } else if (milestone()) {
                out.println(line);
            }
        }

        /** A line of its own is about to be printed: end the line counting in place. */
        void interrupt() {
            if (inPlace) {
                out.println();
                inPlace = false;
            }
        }

        private boolean milestone() {
            if (done >= total) {
                return done == total || total == 0;
            }
            for (int quarter = 1; quarter <= 3; quarter++) {
                if (done == Math.max(1, total * quarter / 4)) {
                    return true;
                }
            }
            return false;
        }
    }
}
