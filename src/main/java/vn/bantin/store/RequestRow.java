package vn.bantin.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One request as recorded (a CLI run, a {@code trigger}, a schedule's fire) with the runs that carried it out,
 * oldest first: one for a CLI run, one per batch and bulletin under the service.
 */
public record RequestRow(String id, List<RunRow> runs) {

    public RequestRow {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a request has at least one run");
        }
    }

    /**
     * The bulletins asked for, in the order the program names them (province, unit), whichever batch started first:
     * the batches of one request start together and render in turn.
     */
    public Set<String> bulletins() {
        Set<String> asked = new LinkedHashSet<>();
        runs.forEach(r -> asked.addAll(List.of(r.bulletin().split("\\+"))));
        Set<String> out = new LinkedHashSet<>();
        List.of("province", "unit").stream().filter(asked::contains).forEach(out::add);
        out.addAll(asked);
        return out;
    }

    public String periodKey() {
        return runs.get(0).periodKey();
    }

    /** Who asked, without the batch a run of it was ("requested by … at …", "schedule monthly of …", "cli"). */
    public String cause() {
        String c = runs.get(0).cause();
        return c == null ? null : c.replaceFirst(", batch \\d+/\\d+.*$", "");
    }

    public Instant startedAt() {
        return runs.get(0).startedAt();
    }

    /** When the last run ended; null while one runs. */
    public Instant finishedAt() {
        if (runs.stream().anyMatch(r -> r.finishedAt() == null)) {
            return null;
        }
        return runs.stream().map(RunRow::finishedAt).max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The worst of its runs: running while one runs, failed if one failed, succeeded only if all did. A run that was
     * cut off (interrupted, abandoned) no longer counts once a later run of the same bulletin in this request has
     * ended: the service ran that batch again after a restart, and its outcome is the batch's.
     */
    public RunStatus status() {
        return runs.stream().filter(r -> !supersededCutOff(r)).map(RunRow::status)
                .max(Comparator.comparingInt(RunStatus::severity)).orElseThrow();
    }

    private boolean supersededCutOff(RunRow r) {
        if (r.status() != RunStatus.ABANDONED && r.status() != RunStatus.INTERRUPTED) {
            return false;
        }
        return runs.stream().anyMatch(later -> later.startedAt().isAfter(r.startedAt()) && later.bulletin().equals(r.bulletin())
                && later.status() != RunStatus.RUNNING && later.status() != RunStatus.ABANDONED
                && later.status() != RunStatus.INTERRUPTED);
    }

    /** The runs' totals added up (runs that recorded none, such as one that failed early, add nothing). */
    public RunTotals totals() {
        return runs.stream().map(RunRow::totals).filter(java.util.Objects::nonNull).reduce(RunTotals.NONE, RunTotals::plus);
    }
}
