package vn.bantin.source;

/** What one file gave: rows read = rows counted + rows rejected. */
public record FileStats(SourceFile source, String fileName, long rowsRead, long rowsRejected, java.util.List<String> ignoredColumns) {

    public long rowsCounted() {
        return rowsRead - rowsRejected;
    }
}
