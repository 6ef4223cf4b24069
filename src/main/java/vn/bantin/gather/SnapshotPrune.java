package vn.bantin.gather;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.bantin.source.InputSnapshot;

/**
 * Removes old gathered snapshots: of each period the newest {@code keep} stay, and so does every snapshot a recorded
 * run refers to, whatever its age (its bulletins can be made again from it).
 */
public final class SnapshotPrune {
    private SnapshotPrune() {
    }

    /** What a prune did: the snapshots removed, and the old ones kept because a run refers to them. */
    public record Outcome(List<String> removed, List<String> keptForRuns) {
    }

    public static Outcome prune(Path inputsDir, int keep, Set<String> inUse) {
        if (keep < 1) {
            throw new IllegalArgumentException("--keep " + keep + ": keep at least 1 snapshot of each period");
        }
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, List<Path>> period : InputSnapshot.all(inputsDir).entrySet()) {
            List<Path> all = period.getValue();
            for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
                String id = period.getKey() + "/" + old.getFileName();
                if (inUse.contains(id)) {
                    kept.add(id);
                } else {
                    Gather.deleteQuietly(old);
                    removed.add(id);
                }
            }
        }
        return new Outcome(List.copyOf(removed), List.copyOf(kept));
    }
}
