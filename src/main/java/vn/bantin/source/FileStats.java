package vn.bantin.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one export gave: rows read = rows counted + rows rejected, why rows were rejected, which codes named
 * nothing, the dates the rows cover, and how its header was matched.
 *
 * @param format         how it was read, e.g. {@code CSV UTF-8} or {@code XLSX sheet Hồ sơ}
 * @param matched        contract column → the export's header
 * @param rejectReasons  reason → rows, most frequent first
 * @param unknownCodes   "column code" → rows, for codes not in units.csv or procedures.csv
 * @param examples       the first rejected rows
 * @param firstDate      earliest date of the accepted rows (null when the file has no dated rows)
 */
public record FileStats(SourceFile source, String fileName, String format, long rowsRead, long rowsRejected,
                        Map<String, String> matched, List<String> ignoredColumns, Map<String, Long> rejectReasons,
                        Map<String, Long> unknownCodes, List<Reject> examples, LocalDate firstDate, LocalDate lastDate) {

    public long rowsCounted() {
        return rowsRead - rowsRejected;
    }

    /** Rejected rows as a percentage of rows read (0 for an empty file). */
    public double rejectPercent() {
        return rowsRead == 0 ? 0 : 100.0 * rowsRejected / rowsRead;
    }
}
