package vn.bantin.source;

import java.util.List;

/** One data row of an export, read through its header and the configured value words. */
final class Row {
    /** Excel's limit for the text of one cell. */
    static final int MAX_VALUE = 32_767;

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

    /**
     * The trimmed NFC value of a contract column, translated to the contract's word; null when empty or absent.
     * A value longer than {@link #MAX_VALUE} is a bad cell: no export means it, and every value that is kept is kept
     * whole, down to the store.
     */
    String get(String column) throws BadCell {
        Integer i = header.indexOf(column);
        if (i == null || i >= cells.size()) {
            return null;
        }
        String raw = cells.get(i);
        if (raw.length() > MAX_VALUE) {
            throw new BadCell(column, raw.substring(0, 40) + "… (" + raw.length() + " characters)",
                    "value longer than " + MAX_VALUE + " characters, the most an Excel cell holds: not a value of the export");
        }
        return format.translate(column, Cells.text(raw));
    }
}
