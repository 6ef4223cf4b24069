package vn.bantin.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/**
 * A CSV export (RFC 4180) read row by row. A byte-order mark decides the encoding (UTF-8, UTF-16LE, UTF-16BE); without one
 * the configured encoding is used. Bytes that do not decode stop the file with their line and byte, and a guess
 * at the encoding: never read as mojibake.
 */
final class CsvRows implements RowStream {
    private final Path path;
    private final String name;
    private final SourceFile source;
    private final SourceFormat format;
    /** Lines one quoted field may span before its quote counts as broken. */
    static final int MAX_RECORD_LINES = 100;

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
            read(new LineReader(new InputStreamReader(in, decoder)), handler);
        } catch (CharacterCodingException e) {
            throw notDecodable(charset, skip, head);
        } catch (IOException e) {
            throw new SourceException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Record by record: a record is a line, or several while a quoted field is open. A quote left open is bounded
     * (MAX_RECORD_LINES lines, MAX_LINE characters): its first line becomes a broken row and the lines it took are
     * read again, so one stray quote costs one row, not the rest of the file.
     */
    private void read(LineReader lines, RowHandler handler) throws IOException {
        for (LineReader.Line first = lines.next(); first != null; first = lines.next()) {
            if (first.text().isEmpty()) {
                continue;
            }
            if (first.cut()) {
                handler.broken(first.number(), "line longer than " + LineReader.MAX_LINE + " characters");
                continue;
            }
            CsvLine.Split split = CsvLine.split(first.text(), format.separator());
            if (split instanceof CsvLine.Cells c) {
                handler.row(first.number(), c.cells());
                continue;
            }
            List<LineReader.Line> taken = new ArrayList<>(List.of(first));
            StringBuilder record = new StringBuilder(first.text());
            while (split instanceof CsvLine.Open && taken.size() < MAX_RECORD_LINES && record.length() < LineReader.MAX_LINE) {
                LineReader.Line more = lines.next();
                if (more == null) {
                    break;
                }
                taken.add(more);
                record.append('\n').append(more.text());
                split = CsvLine.split(record.toString(), format.separator());
            }
            if (split instanceof CsvLine.Cells c) {
                handler.row(first.number(), c.cells());
                continue;
            }
            handler.broken(first.number(), split instanceof CsvLine.Broken b ? b.reason()
                    : "broken quoting: a quoted field opened on this line is never closed");
            lines.pushBack(taken.subList(1, taken.size()));
        }
    }

    private SourceException notDecodable(Charset charset, int skip, byte[] head) {
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
