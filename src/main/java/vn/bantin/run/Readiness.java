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

    /**
     * The rules that hold whatever the period ({@code data check} without {@code --period}): a dated export without
     * dated rows makes no period ready, and without documents or dossiers every bulletin would be zeros.
     */
    static List<String> problemsForAnyPeriod(List<FileStats> stats, Tally.RowsInPeriod rows) {
        List<String> problems = new ArrayList<>();
        for (FileStats s : stats) {
            if (DATED.contains(s.source()) && s.lastDate() == null) {
                problems.add(s.fileName() + " has no dated rows, so no period is complete (a run needs --force)");
            }
        }
        if (rows.documents() == 0 && rows.dossiers() == 0) {
            problems.add("no document and no dossier in the exports: a bulletin would show only zeros");
        }
        return problems;
    }

    /** The last day every dated export reaches: a period ending then or earlier is complete (null: none is). */
    static java.time.LocalDate completeUntil(List<FileStats> stats) {
        java.time.LocalDate until = null;
        for (FileStats s : stats) {
            if (DATED.contains(s.source())) {
                if (s.lastDate() == null) {
                    return null;
                }
                until = until == null || s.lastDate().isBefore(until) ? s.lastDate() : until;
            }
        }
        return until;
    }

    /** Whether every dated export spans the whole period (a comparison period, usually), first day to last. */
    static boolean covers(List<FileStats> stats, Period period) {
        return stats.stream().filter(s -> DATED.contains(s.source())).allMatch(s -> s.firstDate() != null
                && !s.firstDate().isAfter(period.start()) && !s.lastDate().isBefore(period.end()));
    }

    /** The sentence a run stops with (and {@code data check} prints) when {@code problems} is not empty. */
    static String notReady(List<String> problems, Period period, boolean force) {
        return "the data is not complete for " + period.key() + ": " + String.join("; ", problems)
                + (force ? "." : ". Run again when the exports are complete, or with --force to make the bulletin"
                + " from what there is.");
    }
}
