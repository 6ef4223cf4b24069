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
    public record NotMade(String bulletin, String unit, String problem, List<String> recipients) {}

    /**
     * What became of one message: {@code status} is sent, already-sent (by an earlier run: not sent again), rejected,
     * failed (kept to try again), busy (another process holds it) or skipped (its unit is not in the data: not sent,
     * not retried; {@code where} says why); {@code error} is null when it went out or was skipped.
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

    /** The bulletins not made, by problem: one broken unit template stops every unit's bulletin alike. */
    public List<NotMadeGroup> notMadeByProblem() {
        java.util.Map<String, List<NotMade>> byProblem = new java.util.LinkedHashMap<>();
        notMade.forEach(n -> byProblem.computeIfAbsent(n.problem(), p -> new java.util.ArrayList<>()).add(n));
        return byProblem.entrySet().stream().map(e -> new NotMadeGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Bulletins stopped by the same problem. */
    public record NotMadeGroup(String problem, List<NotMade> bulletins) {
        private static final int NAMED = 10;

        /** "province bulletin", or "unit bulletins of SXD, STTTT" (ten named, then how many more). */
        public String what() {
            List<String> units = bulletins.stream().filter(n -> n.unit() != null).map(NotMade::unit).toList();
            List<String> named = new java.util.ArrayList<>(bulletins.stream().filter(n -> n.unit() == null)
                    .map(n -> n.bulletin() + " bulletin").toList());
            if (!units.isEmpty()) {
                named.add("unit bulletin" + (units.size() > 1 ? "s" : "") + " of " + String.join(", ", units.subList(0,
                        Math.min(NAMED, units.size()))) + (units.size() > NAMED ? " and " + (units.size() - NAMED) + " more" : ""));
            }
            return String.join(" and ", named);
        }

        public int recipients() {
            return bulletins.stream().mapToInt(n -> n.recipients().size()).sum();
        }

        /** "unit bulletins of SXD, STTTT: templates/unit.jrxml:12: …". */
        public String describe() {
            return what() + ": " + problem;
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
