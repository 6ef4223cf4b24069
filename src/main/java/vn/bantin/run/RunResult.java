package vn.bantin.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import vn.bantin.delivery.LedgerDelivery;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Period;
import vn.bantin.source.FileStats;

/** What a run produced and where; {@code notMade}: the bulletins a broken template stopped (nothing of them sent). */
public record RunResult(Period period, Path folder, List<Path> bulletins, Path indicators, Path rejects, Path summary,
                        List<FileStats> sources, List<Delivery> deliveries, List<NotMade> notMade, Duration took) {

    /**
     * A bulletin that was not made, so not sent: the province's ({@code unit} null) or one unit's, with the problem
     * as {@code templates check} words it and the addresses that did not get it (the next run after the fix sends it).
     */
    public record NotMade(String bulletin, String unit, String problem, List<String> recipients) {
        public String describe() {
            return (unit == null ? bulletin + " bulletin" : "unit bulletin of " + unit) + ": " + problem;
        }
    }

    /**
     * What became of one message: {@code status} is sent, already-sent (by an earlier run: not sent again), rejected,
     * failed (kept to try again) or busy (another process holds it); {@code error} is null when it went out.
     */
    public record Delivery(String recipient, String email, String status, String where, String error) {
        public boolean failed() {
            return error != null;
        }

        static Delivery of(Recipient r, LedgerDelivery.Outcome outcome) {
            if (outcome instanceof LedgerDelivery.Outcome.Sent s) {
                return new Delivery(r.name(), r.email(), "sent", s.messageId(), null);
            }
            if (outcome instanceof LedgerDelivery.Outcome.AlreadySent a) {
                return new Delivery(r.name(), r.email(), "already-sent", "sent before, at " + a.at(), null);
            }
            if (outcome instanceof LedgerDelivery.Outcome.Rejected j) {
                return new Delivery(r.name(), r.email(), "rejected", null, j.error());
            }
            if (outcome instanceof LedgerDelivery.Outcome.Failed f) {
                return new Delivery(r.name(), r.email(), "failed", null, f.error());
            }
            LedgerDelivery.Outcome.Busy b = (LedgerDelivery.Outcome.Busy) outcome;
            return new Delivery(r.name(), r.email(), "busy", null, "another process is sending it since " + b.since());
        }
    }

    /** Deliveries with this status (sent, already-sent, rejected, failed, busy). */
    public long count(String status) {
        return deliveries.stream().filter(d -> d.status().equals(status)).count();
    }

    public long failedDeliveries() {
        return deliveries.stream().filter(Delivery::failed).count();
    }

    public long rejectedRows() {
        return sources.stream().mapToLong(FileStats::rowsRejected).sum();
    }
}
