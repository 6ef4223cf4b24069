package vn.bantin.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file written row by row: UTF-8 without byte-order mark, comma separator, a line feed
 * after each row, and RFC 4180 quoting only where a value needs it.
 */
final class CsvFile implements AutoCloseable {

    /** 1 MiB buffer: millions of short rows go to disk in large writes. */
    private static final int BUFFER = 1 << 20;

    private final BufferedWriter out;
    private final int columns;
    private long rows;

    CsvFile(Path file, String... header) {
        try {
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        this.columns = header.length;
        write(header);
    }

    /** Writes one data row; a null cell is written empty. */
    void row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        write(cells);
        rows++;
    }

    long rows() {
        return rows;
    }

    private void write(String[] cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                writeCell(cells[i]);
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCell(String cell) throws IOException {
        if (cell == null || cell.isEmpty()) {
            return;
        }
        if (needsQuotes(cell)) {
            out.write('"');
            out.write(cell.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(cell);
        }
    }

    private static boolean needsQuotes(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
