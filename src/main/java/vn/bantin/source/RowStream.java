package vn.bantin.source;

import java.util.List;

/**
 * The rows of one export in file order, header row included, whatever the file format (CSV, XLSX).
 * Push-based, so that a streaming parser that calls back (POI's sheet handler) fits as well as an iterator.
 * A row the format cannot split goes to {@link RowHandler#broken}, and reading goes on.
 */
interface RowStream {

    /**
     * Hands every row to the handler in order: its line (CSV: the line the row starts on; XLSX: the sheet's
     * 1-based row number) and its cells as text, empty string for an empty cell. Throws {@link SourceException}
     * when the file cannot be read at all; a handler may stop early by throwing.
     */
    void forEach(RowHandler handler);

    interface RowHandler {
        void row(long line, List<String> cells);

        /** A row that cannot be split into cells (broken quoting, too long): it becomes a reject. */
        default void broken(long line, String reason) {
            throw new SourceException("line " + line + ": " + reason);
        }
    }
}
