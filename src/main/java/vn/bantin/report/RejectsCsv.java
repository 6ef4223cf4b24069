package vn.bantin.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.bantin.source.Reject;
import vn.bantin.source.RejectSink;

/** The run's {@code rejects.csv}, written as rows are rejected so that none is held in memory. */
public final class RejectsCsv implements RejectSink, AutoCloseable {
    private final CSVPrinter out;
    private long count;

    public RejectsCsv(Path file) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setHeader("file", "line", "column", "value", "reason").get());
    }

    @Override
    public void reject(Reject r) {
        try {
            out.printRecord(r.file(), r.line(), r.column(), SafeText.cell(r.value()), r.reason());
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
