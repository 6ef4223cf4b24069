package vn.bantin.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts kept while one file is read; bounded, so that a file of bad rows cannot fill memory. */
final class FileTally {
    private static final int EXAMPLES = 5;
    private static final int CODES = 50;

    long read;
    long rejected;
    private final Map<String, Long> reasons = new LinkedHashMap<>();
    private final Map<String, Long> unknownCodes = new LinkedHashMap<>();
    private final List<Reject> examples = new ArrayList<>();
    private LocalDate first;
    private LocalDate last;

    void reject(Reject r, boolean unknownReference) {
        rejected++;
        reasons.merge(r.reason(), 1L, Long::sum);
        if (examples.size() < EXAMPLES) {
            examples.add(r);
        }
        String code = r.column() + " " + r.value();
        if (unknownReference && (unknownCodes.size() < CODES || unknownCodes.containsKey(code))) {
            unknownCodes.merge(code, 1L, Long::sum);
        }
    }

    void date(LocalDate d) {
        if (d != null) {
            first = first == null || d.isBefore(first) ? d : first;
            last = last == null || d.isAfter(last) ? d : last;
        }
    }

    FileStats stats(SourceFile source, String fileName, String format, Header header) {
        return new FileStats(source, fileName, format, read, rejected,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(header.matched())), List.copyOf(header.ignored()),
                sorted(reasons), sorted(unknownCodes), List.copyOf(examples), first, last);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
