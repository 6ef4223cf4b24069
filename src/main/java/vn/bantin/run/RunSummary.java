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
 */
final class RunSummary {
    private RunSummary() {
    }

    static void write(RunResult r, Settings settings, SourceOptions options, Instant started, BulletinRun.RequestTotals request,
                      List<DeliveryRow> ledger) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("bantin run: ").append(String.join(" and ", request.bulletins())).append(request.bulletins().size() > 1
                ? " bulletins " : " bulletin ").append(r.period().key()).append(" (").append(r.period().start()).append(" .. ")
                .append(r.period().end()).append(")\n");
        if (request.cause() != null) {
            String cause = request.cause().replaceFirst(", batch \\d+/\\d+.*$", "");
            b.append(cause.contains(" ") ? cause : "asked by " + cause).append('\n');
        }
        b.append(request.runs() > 1 ? "its last batch started " : "started ").append(started.atZone(settings.zone())).append(", took ")
                .append(String.format(Locale.ROOT, "%.1f s", r.took().toMillis() / 1000.0)).append('\n');
        b.append("data folder ").append(settings.dataDir().toAbsolutePath()).append("\n\n");
        b.append(request.runs() > 1 ? "this request so far (" + request.runs() + " batches): " : "this run: ")
                .append(request.totals().describe()).append('\n');
        if (r.interrupted()) {
            b.append("stopped on request before the end: the next run of the period sends the rest\n");
        }
        b.append("\nsources (rows read = counted + rejected)\n").append(SourceReport.of(r.sources(), options));
        b.append("\nfiles\n");
        for (var p : r.bulletins()) {
            b.append("  ").append(r.folder().relativize(p)).append('\n');
        }
        b.append("  indicators.csv\n  rejects.csv (").append(r.rejectedRows()).append(" rows)\n");
        Map<String, Integer> byStatus = new TreeMap<>();
        ledger.forEach(d -> byStatus.merge(d.status().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        b.append("\ndeliveries of the period as the ledger has them (").append(ledger.isEmpty() ? "none" : String.join(", ",
                byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())).append(")\n");
        for (DeliveryRow d : ledger) {
            b.append("  ").append(d.key().bulletin()).append(' ').append(d.key().email()).append(" -> ")
                    .append(d.status().name().toLowerCase(Locale.ROOT))
                    .append(d.lastError() != null ? ": " + d.lastError() : d.messageId() != null ? " " + d.messageId() : "")
                    .append('\n');
        }
        if (r.count("skipped") > 0) {
            b.append(r.count("skipped")).append(" skipped: their unit is not in the data (not sent, not retried)\n");
        }
        for (RunResult.Delivery d : r.deliveries()) {
            if (d.status().equals("skipped")) {
                b.append("  ").append(d.email()).append(" -> skipped: ").append(d.where()).append('\n');
            }
        }
        String advice = r.retryAdvice("");
        if (!advice.isEmpty()) {
            b.append("what happens next: ").append(advice).append('\n');
        }
        if (!r.notMade().isEmpty()) {
            b.append("\nnot made, so not sent (a template is broken; the next run after the fix sends them)\n");
            r.notMadeByProblem().forEach(g -> b.append("  ").append(g.what()).append(" (").append(g.recipients())
                    .append(" recipient(s)): ").append(g.problem()).append('\n'));
        }
        Files.writeString(r.summary(), b.toString(), StandardCharsets.UTF_8);
    }
}
