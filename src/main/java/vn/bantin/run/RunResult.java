package vn.bantin.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import vn.bantin.delivery.LedgerDelivery;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Period;
import vn.bantin.source.FileStats;

/**
 * What a run produced and where; {@code notMade}: the bulletins a broken template stopped (nothing of them sent);
 * {@code made}: bulletins rendered; {@code interrupted}: a stop was asked, so the messages after the one in flight
 * were not attempted; {@code repeat}: not null when the run only repeated an earlier one, so read and rendered nothing
 * ({@link NothingNew}).
 */
public record RunResult(Period period, Path folder, List<Path> bulletins, Path indicators, Path rejects, Path summary,
                        List<FileStats> sources, List<Delivery> deliveries, List<NotMade> notMade, Duration took, int made,
                        boolean interrupted, Repeat repeat) {

    /**
     * The earlier run a repeat left standing: its id and start ({@code yyyy-MM-dd HH:mm}, local time), how many
     * messages it (or the runs before it) delivered, the folder its bulletins are in, the command that runs the
     * period ({@code bantin run --period P}, to which {@code --resend ADDRESS} or {@code --again} is added), and the operator's line in the configured language ({@code summary.nothingNew}; null when the
     * labels file has no such line); {@link #nothingNew()} is the same line in English.
     */
    public record Repeat(long runId, String startedAt, int messages, String folder, String command, String worded) {}

    /** The line that says a run had nothing new to do, in the operator's language (else English); null if it had. */
    public String nothingNewWorded() {
        return repeat == null || repeat.worded() == null ? nothingNew() : repeat.worded();
    }

    /** The line that says a run had nothing new to do, in English (the terminal, the log, the history); null if it had. */
    public String nothingNew() {
        if (repeat == null) {
            return null;
        }
        return "Nothing new for " + period.key() + ": same data, templates and recipients as run #" + repeat.runId() + " ("
                + repeat.startedAt() + "), which delivered all " + repeat.messages() + " messages; nothing rendered or sent"
                + " (its bulletins are in " + repeat.folder() + "). To send a copy again: `" + repeat.command()
                + " --resend ADDRESS`, or Resend on the run's console page; to render everything again anyway: `"
                + repeat.command() + " --again`";
    }

    /**
     * A bulletin that was not made, so not sent: the province's ({@code unit} null) or one unit's, with the problem
     * as {@code templates check} words it and the addresses that did not get it (the next run after the fix sends it).
     */
    public record NotMade(String bulletin, String unit, String problem, List<String> recipients, Cause cause) {}

    /** Why a bulletin was not made: its report or email template is broken, or its PDF could not be signed. */
    public enum Cause { TEMPLATE, SIGNATURE }

    /** The causes of the bulletins not made, each once. */
    public java.util.Set<Cause> notMadeCauses() {
        java.util.Set<Cause> causes = java.util.EnumSet.noneOf(Cause.class);
        notMade.forEach(n -> causes.add(n.cause()));
        return causes;
    }

    /**
     * What became of one message: {@code status} is sent, already-sent (by an earlier run: not sent again), rejected,
     * failed (kept to try again), not-tried (the delivery had stopped: kept to try again), uncertain (no answer after
     * the final dot, twice: the server may have it), busy (being sent by another process: not a failure of this one)
     * or skipped (its unit is not in the data: not sent, not retried; {@code where} says why); {@code error} is null
     * when it went out, is busy or was skipped.
     */
    public record Delivery(String recipient, String email, String status, String where, String error) {
        public boolean failed() {
            return error != null;
        }

        static Delivery of(Recipient r, LedgerDelivery.Outcome outcome) {
            if (outcome instanceof LedgerDelivery.Outcome.Sent s) {
                return new Delivery(r.name(), r.email(), "sent", s.messageId() + (s.maybeTwice()
                        ? " (an earlier attempt may have delivered it too, under the same Message-ID)" : ""), null);
            }
            if (outcome instanceof LedgerDelivery.Outcome.Uncertain u) {
                return new Delivery(r.name(), r.email(), "uncertain", null, u.error() + "; not sent again on its own: ask the"
                        + " recipient, then run --resend " + r.email() + " if it did not arrive");
            }
            if (outcome instanceof LedgerDelivery.Outcome.AlreadySent a) {
                return new Delivery(r.name(), r.email(), "already-sent", "sent before, at " + a.at(), null);
            }
            if (outcome instanceof LedgerDelivery.Outcome.Rejected j) {
                return new Delivery(r.name(), r.email(), "rejected", null, j.error());
            }
            if (outcome instanceof LedgerDelivery.Outcome.Failed f) {
                // attempt 0: the delivery had stopped (server unreachable, outbox unwritable) before this message.
                return new Delivery(r.name(), r.email(), f.attempt() == 0 ? "not-tried" : "failed", null, f.error());
            }
            LedgerDelivery.Outcome.Busy b = (LedgerDelivery.Outcome.Busy) outcome;
            return new Delivery(r.name(), r.email(), "busy", "being sent by another process (since " + b.since() + ")", null);
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

        /** A template, or a signature: one problem has one cause. */
        public Cause cause() {
            return bulletins.get(0).cause();
        }

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

    /**
     * What happens next to the messages not delivered, in one sentence: failed ones are tried again by the next run
     * of the period, refused ones only when asked ({@code run --resend-failed}), the rest of an interrupted run by
     * the next run. Empty when everything went out. In English, for the terminal and the log; run-summary.txt and the
     * administrator's emails word it in the configured language ({@link OperatorWords}, the same keys).
     */
    public String retryAdvice(String bulletinOption) {
        return retryAdvice(bulletinOption, (key, args) -> new java.text.MessageFormat(ADVICE_EN.get(key), Locale.ROOT).format(args));
    }

    /** The sentence with the words of {@code words}: keys {@code advice.*} of operator_<language>.properties. */
    String retryAdvice(String bulletinOption, java.util.function.BiFunction<String, Object[], String> words) {
        List<String> parts = new java.util.ArrayList<>();
        String again = "bantin run --period " + period.key() + bulletinOption;
        long failed = count("failed") + count("not-tried");
        if (failed > 0) {
            parts.add(words.apply("advice.failed", new Object[] {Long.toString(failed), again}));
        }
        if (count("rejected") > 0) {
            parts.add(words.apply("advice.refused", new Object[] {Long.toString(count("rejected")), again}));
        }
        if (count("uncertain") > 0) {
            parts.add(words.apply("advice.uncertain", new Object[] {Long.toString(count("uncertain")), again}));
        }
        if (count("busy") > 0) {
            parts.add(words.apply("advice.busy", new Object[] {Long.toString(count("busy"))}));
        }
        if (interrupted) {
            parts.add(words.apply("advice.interrupted", new Object[] {again}));
        }
        return String.join("; ", parts);
    }

    /** The English words of the advice; operator_en.properties has the same, for an operator to change. */
    private static final java.util.Map<String, String> ADVICE_EN = java.util.Map.of(
            "advice.failed", "{0} failed for a reason that may pass: the next run of the period tries them again ({1}, or the"
                    + " next scheduled run)",
            "advice.refused", "{0} refused by the server: not tried again by itself; after fixing the addresses or the relay,"
                    + " `{1} --resend-failed` sends them again",
            "advice.uncertain", "{0} uncertain (no answer after the final dot, twice: the server may have them): not sent again"
                    + " on their own; ask the recipient, and `{1} --resend ADDRESS` only if nothing arrived",
            "advice.busy", "{0} held by another sender: that sender finishes them, or the next run once its claim has expired",
            "advice.interrupted", "the run was stopped: the messages after the last one handled are sent by the next run ({0})");

    public long failedDeliveries() {
        return deliveries.stream().filter(Delivery::failed).count();
    }

    public long rejectedRows() {
        return sources.stream().mapToLong(FileStats::rowsRejected).sum();
    }
}
