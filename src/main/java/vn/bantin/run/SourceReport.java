package vn.bantin.run;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.bantin.source.FileStats;
import vn.bantin.source.QualityGate;
import vn.bantin.source.Reject;
import vn.bantin.source.SourceOptions;

/**
 * The per-file report an operator reads: how each export was read and matched, rows read = counted + rejected,
 * the dates it covers, why rows were rejected, which codes named nothing, the first rejected rows. The run summary,
 * the stop message of the quality gate and {@code data check} all print it.
 */
public final class SourceReport {
    private SourceReport() {
    }

    public static String of(List<FileStats> files, SourceOptions options) {
        StringBuilder b = new StringBuilder();
        for (FileStats s : files) {
            b.append(file(s, options.format(s.source()).maxRejectPercent()));
        }
        return b.toString();
    }

    static String file(FileStats s, double limit) {
        StringBuilder b = new StringBuilder();
        b.append(s.fileName()).append("  (").append(s.format()).append(")\n");
        b.append(String.format(Locale.ROOT, "  rows     %,d read = %,d counted + %,d rejected (%.2f%%, limit %s%%)%n",
                s.rowsRead(), s.rowsCounted(), s.rowsRejected(), s.rejectPercent(), trim(limit)));
        if (s.firstDate() != null) {
            b.append("  dates    ").append(s.firstDate()).append(" .. ").append(s.lastDate()).append('\n');
        }
        StringBuilder columns = new StringBuilder();
        s.matched().forEach((column, header) -> columns.append(column.equals(header) ? column : column + " <- " + header).append(", "));
        b.append("  columns  ").append(columns, 0, Math.max(0, columns.length() - 2)).append('\n');
        if (!s.ignoredColumns().isEmpty()) {
            b.append("  ignored  ").append(String.join(", ", s.ignoredColumns())).append('\n');
        }
        for (Map.Entry<String, Long> e : s.rejectReasons().entrySet()) {
            b.append(String.format(Locale.ROOT, "  reject   %,d x %s%n", e.getValue(), e.getKey()));
        }
        for (Map.Entry<String, Long> e : s.unknownCodes().entrySet()) {
            b.append(String.format(Locale.ROOT, "  unknown  %s (%,d rows)%n", e.getKey(), e.getValue()));
        }
        for (Reject r : s.examples()) {
            b.append("  e.g.     line ").append(r.line()).append(' ').append(r.column()).append(" '").append(r.value())
                    .append("': ").append(r.reason()).append('\n');
        }
        return b.toString();
    }

    /** The stop message: which files broke their limit, each with its report, and where the rejected rows are. */
    public static String stop(List<QualityGate.Breach> breaches, String rejectsFile) {
        StringBuilder b = new StringBuilder("too many rows rejected, no bulletin made or sent:\n");
        for (QualityGate.Breach br : breaches) {
            b.append(file(br.stats(), br.limitPercent()));
        }
        String keys = String.join(", ", breaches.stream()
                .map(br -> "source." + br.stats().source().key() + ".max-reject-percent").toList());
        b.append("Every rejected row is in ").append(rejectsFile).append("; fix the export, or raise ").append(keys)
                .append(" (default: quality.max-reject-percent) if these rows may be left out.");
        return b.toString();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
