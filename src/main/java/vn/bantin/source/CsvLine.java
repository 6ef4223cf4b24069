package vn.bantin.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record (RFC 4180: quoted fields, doubled quotes, a quoted field may hold line breaks) into cells.
 * Commons CSV cannot resume after a broken quote: it reads on to the end of the file. Splitting record by record
 * lets a broken line become one rejected row while the rest of the export is read.
 */
final class CsvLine {
    /** The outcome: cells, a quoted field still open at the end of the text (more lines needed), or broken. */
    sealed interface Split permits Cells, Open, Broken {}

    record Cells(List<String> cells) implements Split {}

    record Open() implements Split {}

    record Broken(String reason) implements Split {}

    private static final Open OPEN = new Open();

    private CsvLine() {
    }

    static Split split(String text, char separator) {
        if (text.indexOf('"') < 0) {
            return unquoted(text, separator);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return OPEN;
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (i < n && text.charAt(i) != separator) {
                    return new Broken("broken quoting: text after the closing quote of field " + (cells.size() + 1));
                }
            } else {
                while (i < n && text.charAt(i) != separator) {
                    cell.append(text.charAt(i++));
                }
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (i >= n) {
                return new Cells(cells);
            }
            i++; // the separator
        }
    }

    /** The common record without quotes: cells are the substrings between separators. */
    private static Split unquoted(String text, char separator) {
        List<String> cells = new ArrayList<>(16);
        int start = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, start)) {
            cells.add(text.substring(start, at));
            start = at + 1;
        }
        cells.add(text.substring(start));
        return new Cells(cells);
    }
}
