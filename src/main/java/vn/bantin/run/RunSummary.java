package vn.bantin.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import vn.bantin.config.Settings;
import vn.bantin.source.SourceOptions;
import vn.bantin.store.DeliveryRow;

/**
 * The short text an operator reads after a run: what was asked and by whom, what was read, what was left out, what
 * was written, and what became of every message of the period. Under the service, where one request runs as several
 * batches that share the period's folder, each batch writes it again with the whole request's totals and the whole
 * ledger, so the last one written is the request's summary, never a batch's.
 * Worded in the configured language ({@link OperatorWords}).
 */
final class RunSummary {
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private RunSummary() {
    }

    static void write(RunResult r, Settings settings, SourceOptions options, Instant started, BulletinRun.RequestTotals request,
                      List<DeliveryRow> ledger) throws IOException {
        write(r, settings, options, started, request, ledger, List.of());
    }

    /** {@code warnings}: worded notes about the figures (a year without holidays listed), printed after the sources. */
    static void write(RunResult r, Settings settings, SourceOptions options, Instant started, BulletinRun.RequestTotals request,
                      List<DeliveryRow> ledger, List<String> warnings) throws IOException {
        OperatorWords w = OperatorWords.of(settings);
        StringBuilder b = new StringBuilder();
        b.append(w.format("summary.title", r.period().key(), r.period().start().toString(), r.period().end().toString()))
                .append('\n');
        if (request.cause() != null) {
            String cause = request.cause().replaceFirst(", batch \\d+/\\d+.*$", "");
            b.append(cause.contains(" ") ? cause : w.format("summary.cause", cause)).append('\n');
        }
        String took = String.format(Locale.ROOT, "%.1f", r.took().toMillis() / 1000.0);
        b.append(w.format(request.runs() > 1 ? "summary.lastBatch" : "summary.started", TIME.format(started.atZone(settings.zone())),
                took)).append('\n');
        b.append(w.format("summary.data", settings.dataDir().toAbsolutePath().toString())).append("\n\n");
        String totals = w.format("summary.totals", Long.toString(request.totals().made()), Long.toString(request.totals().sent()),
                Long.toString(request.totals().sentBefore()), Long.toString(request.totals().notDelivered()));
        b.append(request.runs() > 1 ? w.format("summary.request", Integer.toString(request.runs()), totals)
                : w.format("summary.run", totals)).append('\n');
        if (r.interrupted()) {
            b.append(w.format("summary.interrupted")).append('\n');
        }
        b.append('\n').append(w.format("summary.sources")).append('\n').append(SourceReport.of(r.sources(), options));
        warnings.forEach(line -> b.append(line).append('\n'));
        b.append('\n').append(w.format("summary.files")).append('\n');
        for (var p : r.bulletins()) {
            b.append("  ").append(r.folder().relativize(p)).append('\n');
        }
        b.append("  indicators.csv\n  ").append(w.format("summary.rejects", Long.toString(r.rejectedRows()))).append('\n');
        Map<String, Integer> byStatus = new TreeMap<>();
        ledger.forEach(d -> byStatus.merge(d.status().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        b.append('\n').append(w.format("summary.ledger", ledger.isEmpty() ? w.format("summary.ledger.none") : String.join(", ",
                byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()))).append('\n');
        for (DeliveryRow d : ledger) {
            b.append("  ").append(d.key().bulletin()).append(' ').append(d.key().email()).append(" -> ")
                    .append(d.status().name().toLowerCase(Locale.ROOT))
                    .append(d.lastError() != null ? ": " + d.lastError() : d.messageId() != null ? " " + d.messageId() : "")
                    .append('\n');
        }
        if (r.count("skipped") > 0) {
            b.append(w.format("summary.skipped", Long.toString(r.count("skipped")))).append('\n');
        }
        for (RunResult.Delivery d : r.deliveries()) {
            if (d.status().equals("skipped")) {
                b.append("  ").append(d.email()).append(" -> ").append(w.format("summary.skipped.item")).append(": ")
                        .append(d.where()).append('\n');
            }
        }
        String advice = r.retryAdvice("", w::format);
        if (!advice.isEmpty()) {
            b.append(w.format("summary.next", advice)).append('\n');
        }
        for (RunResult.Cause cause : r.notMadeCauses()) {
            b.append('\n').append(w.format(cause == RunResult.Cause.SIGNATURE ? "summary.notSigned" : "summary.notMade"))
                    .append('\n');
            r.notMadeByProblem().stream().filter(g -> g.cause() == cause).forEach(g -> b.append("  ")
                    .append(w.format("summary.notMade.item", g.what(), String.valueOf(g.recipients()), g.problem())).append('\n'));
        }
        Files.writeString(r.summary(), b.toString(), StandardCharsets.UTF_8);
    }
}
