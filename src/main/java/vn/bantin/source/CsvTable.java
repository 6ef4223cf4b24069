package vn.bantin.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One export file opened for streaming: checks that it is CSV text with the required columns, then hands out
 * its rows one at a time with their line numbers. Header names match case-insensitively, spaces ignored.
 */
final class CsvTable implements AutoCloseable {
    private final Path path;
    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> ignored = new ArrayList<>();
    private long lastLine = 1;

    CsvTable(Path path, SourceFile source, char separator) {
        this.path = path;
        this.name = path.getFileName().toString();
        sniff(path, source);
        try {
            InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16);
            skipBom(in);
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            records = parser.iterator();
        } catch (IOException e) {
            throw new SourceException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        readHeader(source);
    }

    private static void sniff(Path path, SourceFile source) {
        String name = path.getFileName().toString();
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4096);
        } catch (NoSuchFileException e) {
            throw new SourceException(name + ": file not found in " + path.toAbsolutePath().getParent()
                    + " (the " + source.system() + " export is required)");
        } catch (IOException e) {
            throw new SourceException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        if (head.length == 0) {
            throw new SourceException(name + ": the file is empty; expected a header row with the columns "
                    + String.join(", ", source.required()));
        }
        for (byte b : head) {
            if (b == 0) {
                throw new SourceException(name + ": not a CSV text file (it holds binary data"
                        + (head[0] == 'P' && head[1] == 'K' ? ", like a ZIP or XLSX workbook" : "")
                        + "); export it as UTF-8 CSV");
            }
        }
    }

    private static void skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.reset();
        }
    }

    private void readHeader(SourceFile source) {
        CSVRecord header = next();
        if (header == null) {
            throw new SourceException(name + ": the file is empty; expected a header row with the columns "
                    + String.join(", ", source.required()));
        }
        for (int i = 0; i < header.size(); i++) {
            String key = normalise(header.get(i));
            if (source.required().contains(key) || source.optional().contains(key)) {
                columns.putIfAbsent(key, i);
            } else if (!key.isEmpty()) {
                ignored.add(header.get(i).strip());
            }
        }
        List<String> missing = source.required().stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            List<String> found = new ArrayList<>();
            header.forEach(h -> found.add(h.strip()));
            throw new SourceException(name + ": missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; the header has: " + String.join(", ", found)
                    + (found.size() == 1 && found.get(0).contains(";") ? " (is the separator ';'? set source."
                    + source.key() + ".separator)" : ""));
        }
    }

    private static String normalise(String header) {
        return Cells.text(header) == null ? "" : Cells.text(header).toLowerCase(Locale.ROOT);
    }

    List<String> ignoredColumns() {
        return ignored;
    }

    /** The line the last row returned by {@link #next()} starts on. */
    long line() {
        return lastLine;
    }

    /** The next record, or null at the end. Bad bytes or broken quoting stop the file with its line. */
    CSVRecord next() {
        long start = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            lastLine = start;
            return r;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8();
            }
            throw new SourceException(name + " near line " + start + ": broken CSV ("
                    + e.getCause().getMessage() + "); check the quotes on that line");
        } catch (IllegalStateException e) {
            throw new SourceException(name + " near line " + start + ": broken CSV (" + e.getMessage()
                    + "); check the quotes on that line");
        }
    }

    private SourceException notUtf8() {
        try {
            Utf8Scan.Position at = Utf8Scan.firstInvalid(path);
            if (at != null) {
                return new SourceException(name + " line " + at.line() + " (byte " + at.offset()
                        + "): not valid UTF-8 text; save the export as UTF-8");
            }
        } catch (IOException ignored) {
            // fall through to the message without a position
        }
        return new SourceException(name + ": not valid UTF-8 text; save the export as UTF-8");
    }

    /** The trimmed NFC value of a column in a record; null when empty, absent or the column is not in the file. */
    String get(CSVRecord r, String column) {
        Integer i = columns.get(column);
        return i == null || i >= r.size() ? null : Cells.text(r.get(i));
    }

    String name() {
        return name;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
