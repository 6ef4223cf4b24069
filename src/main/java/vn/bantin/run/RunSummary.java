package vn.bantin.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;

import vn.bantin.config.Settings;
import vn.bantin.source.SourceOptions;

/** The short text an operator reads after a run: what was read, what was left out, what was written and sent. */
final class RunSummary {
    private RunSummary() {
    }

    static void write(RunResult r, Settings settings, SourceOptions options, Instant started) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("bantin run: province bulletin ").append(r.period().key()).append(" (")
                .append(r.period().start()).append(" .. ").append(r.period().end()).append(")\n");
        b.append("started ").append(started.atZone(settings.zone())).append(", took ")
                .append(String.format(Locale.ROOT, "%.1f s", r.took().toMillis() / 1000.0)).append('\n');
        b.append("data folder ").append(settings.dataDir().toAbsolutePath()).append("\n\n");
        b.append("sources (rows read = counted + rejected)\n").append(SourceReport.of(r.sources(), options));
        b.append("\nfiles\n");
        for (var p : r.bulletins()) {
            b.append("  ").append(r.folder().relativize(p)).append('\n');
        }
        b.append("  indicators.csv\n  rejects.csv (").append(r.rejectedRows()).append(" rows)\n");
        b.append("\ndeliveries (").append(r.count("sent") + r.count("already-sent")).append(" sent, ")
                .append(r.failedDeliveries()).append(" failed").append(r.count("skipped") == 0 ? ""
                        : ", " + r.count("skipped") + " skipped").append(")\n");
        for (RunResult.Delivery d : r.deliveries()) {
            b.append("  ").append(d.email()).append(" -> ").append(d.failed() ? "FAILED: " + d.error() : d.where()).append('\n');
        }
        if (!r.notMade().isEmpty()) {
            b.append("\nnot made, so not sent (a template is broken; the next run after the fix sends them)\n");
            r.notMadeByProblem().forEach(g -> b.append("  ").append(g.what()).append(" (").append(g.recipients())
                    .append(" recipient(s)): ").append(g.problem()).append('\n'));
        }
        Files.writeString(r.summary(), b.toString(), StandardCharsets.UTF_8);
    }
}
