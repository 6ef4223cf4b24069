package vn.bantin.gather;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;

/**
 * Writes pulled rows as the contract's CSV (UTF-8, comma, RFC 4180): a column matched to a contract column by its
 * name or a name config gives for it ({@code source.<file>.column.<column>}) is headed with the contract's name; the
 * others are kept under their own names, as pulled. Rows go straight to the file, counted and hashed on the way.
 */
final class ContractCsv implements AutoCloseable {
    private final CSVPrinter printer;
    private final DigestOutputStream digest;
    private final List<String> header;
    private long rows;
    private boolean closed;
    private String sha256;

    private ContractCsv(Path file, List<String> header) throws IOException {
        this.header = header;
        OutputStream out = Files.newOutputStream(file);
        this.digest = new DigestOutputStream(out, sha256Digest());
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(digest, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
        printer.printRecord(header);
    }

    /**
     * Opens {@code file} for rows whose columns are {@code columns} (as the source names them); a required contract
     * column that none of them matches is an error naming {@code what} (the source), the column and the columns found.
     */
    static ContractCsv open(Path file, SourceFile source, SourceFormat format, List<String> columns, String what)
            throws IOException {
        return new ContractCsv(file, header(source, format, columns, what));
    }

    /** The header to write: each column's contract name when it has one, else its own. */
    static List<String> header(SourceFile source, SourceFormat format, List<String> columns, String what) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> contract = new ArrayList<>(source.required());
        contract.addAll(source.optional());
        for (String c : contract) {
            names.put(key(c), c);
            for (String alias : format.columnNames().getOrDefault(c, List.of())) {
                names.put(key(alias), c);
            }
        }
        List<String> header = new ArrayList<>();
        for (String c : columns) {
            String mapped = names.get(key(c));
            header.add(mapped != null && !header.contains(mapped) ? mapped : c);
        }
        List<String> missing = source.required().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new GatherException(what + ": the result has no column " + String.join(", ", missing.stream()
                    .map(m -> "'" + m + "'").toList()) + ", which " + source.fileName() + " needs; it has: "
                    + (columns.isEmpty() ? "no columns" : String.join(", ", columns)) + ". Name it so in the query or"
                    + " service (… AS " + missing.get(0) + "), or map it with source." + source.key() + ".column."
                    + missing.get(0) + "=<its name>");
        }
        return List.copyOf(header);
    }

    private static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    int width() {
        return header.size();
    }

    /** One row, its values in the order of the columns given to {@link #open}; null is an empty cell. */
    void row(List<String> values) throws IOException {
        printer.printRecord(values);
        rows++;
    }

    long rows() {
        return rows;
    }

    /** The SHA-256 of the file, once closed. */
    String sha256() {
        return sha256;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            printer.close(true);
            sha256 = HexFormat.of().formatHex(digest.getMessageDigest().digest());
        }
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
