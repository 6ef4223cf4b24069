package vn.bantin.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.bantin.indicator.Period;
import vn.bantin.indicator.Tally;
import vn.bantin.report.VietnameseFormat;
import vn.bantin.source.FileStats;
import vn.bantin.source.SourceFile;

/**
 * Whether the exports are complete for a period: every dated source must reach the period's last day (an export
 * taken on the 2nd still lacks the 31st's late records), and the period must hold documents or dossiers at all, so
 * that a bulletin of zeros is never made.
 */
final class Readiness {
    private static final Set<SourceFile> DATED = Set.of(SourceFile.DOCUMENTS, SourceFile.DOSSIERS, SourceFile.FEEDBACK);

    private Readiness() {
    }

    /** {@code force} waives the coverage of the period's end, never the refusal of a bulletin of zeros. */
    static List<String> problems(List<FileStats> stats, Tally.RowsInPeriod rows, Period period, boolean force) {
        List<String> problems = new ArrayList<>();
        for (FileStats s : force ? List.<FileStats>of() : stats) {
            if (DATED.contains(s.source()) && (s.lastDate() == null || s.lastDate().isBefore(period.end()))) {
                problems.add(s.fileName() + (s.lastDate() == null ? " has no dated rows"
                        : " reaches " + VietnameseFormat.date(s.lastDate()) + " only") + ", the period ends "
                        + VietnameseFormat.date(period.end()));
            }
        }
        if (rows.documents() == 0 && rows.dossiers() == 0) {
            problems.add("no document and no dossier falls in the period: the bulletin would show only zeros");
        }
        return problems;
    }

    /** Whether every dated export spans the whole period (a comparison period, usually), first day to last. */
    static boolean covers(List<FileStats> stats, Period period) {
        return stats.stream().filter(s -> DATED.contains(s.source())).allMatch(s -> s.firstDate() != null
                && !s.firstDate().isAfter(period.start()) && !s.lastDate().isBefore(period.end()));
    }

    static void require(List<FileStats> stats, Tally.RowsInPeriod rows, Period period, boolean force) {
        List<String> problems = problems(stats, rows, period, force);
        if (!problems.isEmpty()) {
            throw new NotReadyException("the data is not complete for " + period.key() + ": " + String.join("; ", problems)
                    + (force ? "." : ". Run again when the exports are complete, or with --force to make the bulletin"
                    + " from what there is."));
        }
    }
}
