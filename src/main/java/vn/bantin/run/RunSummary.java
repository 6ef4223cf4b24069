package vn.bantin.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;

import vn.bantin.config.Settings;
import vn.bantin.source.SourceOptions;

/**
 * The short text an operator reads after a run: what was read, what was left out, what was written and sent; worded
 * in the configured language ({@link OperatorWords}).
 */
final class RunSummary {
    private RunSummary() {
    }

    static void write(RunResult r, Settings settings, SourceOptions options, Instant started) throws IOException {
        OperatorWords w = OperatorWords.of(settings);
        StringBuilder b = new StringBuilder();
        b.append(w.format("summary.title", r.period().key(), r.period().start().toString(), r.period().end().toString()))
                .append('\n');
        b.append(w.format("summary.started", started.atZone(settings.zone()).toString(),
                String.format(Locale.ROOT, "%.1f", r.took().toMillis() / 1000.0))).append('\n');
        b.append(w.format("summary.data", settings.dataDir().toAbsolutePath().toString())).append("\n\n");
        b.append(w.format("summary.sources")).append('\n').append(SourceReport.of(r.sources(), options));
        b.append('\n').append(w.format("summary.files")).append('\n');
        for (var p : r.bulletins()) {
            b.append("  ").append(r.folder().relativize(p)).append('\n');
        }
        b.append("  indicators.csv\n  ").append(w.format("summary.rejects", Long.toString(r.rejectedRows()))).append('\n');
        b.append('\n').append(w.format("summary.deliveries", Long.toString(r.deliveries().size() - r.failedDeliveries()),
                Long.toString(r.failedDeliveries()))).append('\n');
        for (RunResult.Delivery d : r.deliveries()) {
            b.append("  ").append(d.email()).append(" -> ").append(d.failed() ? w.format("summary.failed", d.error()) : d.where())
                    .append('\n');
        }
        if (!r.notMade().isEmpty()) {
            b.append('\n').append(w.format("summary.notMade")).append('\n');
            r.notMadeByProblem().forEach(g -> b.append("  ").append(w.format("summary.notMade.item", g.what(),
                    String.valueOf(g.recipients()), g.problem())).append('\n'));
        }
        Files.writeString(r.summary(), b.toString(), StandardCharsets.UTF_8);
    }
}
