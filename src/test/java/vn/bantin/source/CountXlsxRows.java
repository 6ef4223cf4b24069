package vn.bantin.source;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Reads a workbook's first sheet in a JVM of its own, for XlsxSharedStringsTest, and prints its row count and the
 * heap still in use (after a full collection) before reading and at its last row, in KiB: "rows before atLastRow".
 * A small workbook is read first, so that what any first read costs whatever its size (classes, the class path's
 * jar indexes, POI's and XMLBeans' tables) is in "before". Arguments: the file, its row count, the small file.
 */
final class CountXlsxRows {
    private CountXlsxRows() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long lastRow = Long.parseLong(args[1]);
        new XlsxRows(Path.of(args[2]), null).forEach((line, cells) -> { });
        long before = retainedKib();
        long[] rows = {0};
        long[] atLastRow = {-1};
        new XlsxRows(file, null).forEach((line, cells) -> {
            if (++rows[0] == lastRow) {
                atLastRow[0] = retainedKib(); // while the reader still holds whatever it holds
            }
        });
        System.out.println(rows[0] + " " + before + " " + atLastRow[0]);
    }

    private static long retainedKib() {
        System.gc(); // a full, stop-the-world collection with G1 and Serial alike (no -XX:+ExplicitGCInvokesConcurrent)
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }
}
