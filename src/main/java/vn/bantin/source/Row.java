package vn.bantin.source;

import java.util.List;

/** One data row of an export, read through its header and the configured value words. */
final class Row {
    private final Header header;
    private final SourceFormat format;
    private final List<String> cells;
    private final long line;

    Row(Header header, SourceFormat format, List<String> cells, long line) {
        this.header = header;
        this.format = format;
        this.cells = cells;
        this.line = line;
    }

    long line() {
        return line;
    }

    /** The trimmed NFC value of a contract column, translated to the contract's word; null when empty or absent. */
    String get(String column) {
        Integer i = header.indexOf(column);
        if (i == null || i >= cells.size()) {
            return null;
        }
        return format.translate(column, Cells.text(cells.get(i)));
    }
}
