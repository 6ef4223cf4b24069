package vn.bantin.source;

import java.nio.file.Path;

/**
 * Reads a workbook's first sheet and prints its row count: run in a JVM of its own with a small heap by
 * XlsxSharedStringsTest. Argument: the file.
 */
final class CountXlsxRows {
    private CountXlsxRows() {
    }

    public static void main(String[] args) {
        long[] rows = {0};
        new XlsxRows(Path.of(args[0]), null).forEach((line, cells) -> rows[0]++);
        System.out.println(rows[0]);
    }
}
