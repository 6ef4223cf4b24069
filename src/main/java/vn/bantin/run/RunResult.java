package vn.bantin.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import vn.bantin.indicator.Period;
import vn.bantin.source.FileStats;

/** What a run produced and where. */
public record RunResult(Period period, Path folder, List<Path> bulletins, Path indicators, Path rejects, Path summary,
                        List<FileStats> sources, List<Delivery> deliveries, Duration took) {

    /** {@code error} is null when the message went out. */
    public record Delivery(String recipient, String email, String where, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    public long failedDeliveries() {
        return deliveries.stream().filter(Delivery::failed).count();
    }

    public long rejectedRows() {
        return sources.stream().mapToLong(FileStats::rowsRejected).sum();
    }
}
