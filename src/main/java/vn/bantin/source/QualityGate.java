package vn.bantin.source;

import java.util.List;

/** The share of rejected rows above which a file is too broken to publish figures from. */
public final class QualityGate {

    /** A file over its limit. */
    public record Breach(FileStats stats, double limitPercent) {}

    private QualityGate() {
    }

    public static List<Breach> breaches(List<FileStats> stats, SourceOptions options) {
        return stats.stream()
                .filter(s -> s.rejectPercent() > options.format(s.source()).maxRejectPercent())
                .map(s -> new Breach(s, options.format(s.source()).maxRejectPercent()))
                .toList();
    }
}
