package vn.bantin.source;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV export read row by row. A byte-order mark decides the encoding (UTF-8, UTF-16LE, UTF-16BE); without one
 * the configured encoding is used. Bytes that do not decode stop the file with their line and byte, and a guess
 * at the encoding: never read as mojibake.
 */
final class CsvRows implements RowStream {
    private final Path path;
    private final String name;
    private final SourceFile source;
    private final SourceFormat format;

    CsvRows(Path path, SourceFile source, SourceFormat format) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.source = source;
        this.format = format;
    }

    @Override
    public void forEach(RowHandler handler) {
        byte[] head = head();
        Bom bom = Bom.of(head);
        Charset charset = bom == null ? format.encoding() : bom.charset;
        if (!charset.name().toUpperCase(java.util.Locale.ROOT).startsWith("UTF-16")) {
            refuseBinary(head);
        }
        int skip = bom == null ? 0 : bom.length;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            in.skipNBytes(skip);
            var decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
            CSVFormat csv = CSVFormat.RFC4180.builder().setDelimiter(format.separator()).setIgnoreEmptyLines(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csv).get()) {
                var records = parser.iterator();
                while (true) {
                    long start = parser.getCurrentLineNumber() + 1;
                    CSVRecord r;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        r = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw unreadable(e, start, charset, skip, head);
                    }
                    handler.row(start, r.toList());
                }
            }
        } catch (IOException e) {
            throw new SourceException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private SourceException unreadable(RuntimeException e, long line, Charset charset, int skip, byte[] head) {
        if (e.getCause() instanceof CharacterCodingException) {
            try {
                DecodeScan.Position at = DecodeScan.firstInvalid(path, charset, skip);
                String where = at == null ? "" : " line " + at.line() + " (byte " + at.offset() + ")";
                String guess = DecodeScan.isUtf8(charset) ? "; it looks like " + DecodeScan.likelyEncoding(head)
                        + ": set source." + source.key() + ".encoding, or save the export as UTF-8" : "";
                return new SourceException(name + where + ": not valid " + charset.name() + " text" + guess);
            } catch (IOException io) {
                return new SourceException(name + ": not valid " + charset.name() + " text");
            }
        }
        String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return new SourceException(name + " near line " + line + ": broken CSV (" + detail + "); check the quotes on that line");
    }

    private byte[] head() {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(4096);
            if (head.length == 0) {
                throw new SourceException(name + ": the file is empty; expected a header row with the columns "
                        + String.join(", ", source.required()));
            }
            return head;
        } catch (NoSuchFileException e) {
            throw new SourceException(name + ": file not found in " + path.toAbsolutePath().getParent()
                    + " (the " + source.system() + " export is required)");
        } catch (IOException e) {
            throw new SourceException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private void refuseBinary(byte[] head) {
        int zeros = 0;
        for (byte b : head) {
            if (b == 0) {
                zeros++;
            }
        }
        if (zeros == 0) {
            return;
        }
        if (head[0] == 'P' && head[1] == 'K') {
            throw new SourceException(name + ": not a CSV text file (it looks like a ZIP or XLSX workbook); name it .xlsx"
                    + " in source." + source.key() + ".file, or export it as UTF-8 CSV");
        }
        String guess = DecodeScan.likelyEncoding(head);
        if (guess.startsWith("UTF-16")) {
            throw new SourceException(name + ": looks like " + guess + " text without a byte-order mark; set source."
                    + source.key() + ".encoding=" + guess + ", or save the export as UTF-8");
        }
        throw new SourceException(name + ": not a CSV text file (it holds binary data); export it as UTF-8 CSV");
    }

    /** Byte-order marks that settle the encoding whatever config says. */
    private enum Bom {
        UTF8(StandardCharsets.UTF_8, 3), UTF16LE(StandardCharsets.UTF_16LE, 2), UTF16BE(StandardCharsets.UTF_16BE, 2);

        final Charset charset;
        final int length;

        Bom(Charset charset, int length) {
            this.charset = charset;
            this.length = length;
        }

        static Bom of(byte[] h) {
            if (h.length >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF) {
                return UTF8;
            }
            if (h.length >= 2 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xFE) {
                return UTF16LE;
            }
            if (h.length >= 2 && (h[0] & 0xff) == 0xFE && (h[1] & 0xff) == 0xFF) {
                return UTF16BE;
            }
            return null;
        }
    }
}
