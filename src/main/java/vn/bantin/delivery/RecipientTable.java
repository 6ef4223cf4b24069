package vn.bantin.delivery;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The recipients list ({@code config/recipients.csv}: {@code unit,name,email,bulletins}) as a table an editor changes:
 * rows of text, each checked with the rules the program reads the file with, plus whether its unit is in the data;
 * every problem names its row (or line) and field. Written back as the same CSV (UTF-8, a header, {@code \n}).
 */
public final class RecipientTable {
    public static final List<String> COLUMNS = List.of("unit", "name", "email", "bulletins");
    /** An address as the program takes it: one '@', a dot in the domain, no spaces, commas or semicolons. */
    public static final String ADDRESS = "[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+";

    /** One recipient as the editor shows it; {@code bulletins} is {@code province}, {@code unit} or {@code province;unit}. */
    public record Row(String unit, String name, String email, String bulletins) {
        public Row {
            unit = unit == null ? "" : unit.strip();
            name = name == null ? "" : name.strip();
            email = email == null ? "" : email.strip();
            bulletins = bulletins == null ? "" : bulletins.strip();
        }
    }

    /**
     * What is wrong with one row: {@code where} is "row 3" of a table or "recipients.csv line 4" of a file
     * ({@code line} is then 4, else 0); {@code what} is in English, {@code code} and {@code args} let the console
     * word it in its reader's language (label {@code recipients.problem.<code>}).
     */
    public record Problem(int row, int line, String field, String where, String what, String code, List<String> args) {
        public Problem {
            args = List.copyOf(args);
        }

        public String sentence() {
            return where + ", " + field + ": " + what;
        }
    }

    /** A CSV read into rows, with the problems of its shape (missing columns); {@code lines} is each row's line. */
    public record Parsed(List<Row> rows, List<Integer> lines, List<Problem> problems) {}

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get();
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private RecipientTable() {
    }

    /** Reads a CSV as the program does (header {@code unit,name,email,bulletins}, any order, any case). */
    public static Parsed parse(String csv, String file) {
        List<Row> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser p = CSVParser.parse(new StringReader(text), READ)) {
            for (String col : COLUMNS) {
                if (!p.getHeaderMap().containsKey(col)) {
                    return new Parsed(List.of(), List.of(), List.of(new Problem(1, 1, col, file + " line 1",
                            "the column is missing; the header must be unit,name,email,bulletins", "columnMissing", List.of())));
                }
            }
            for (CSVRecord rec : p) {
                rows.add(new Row(value(rec, "unit"), value(rec, "name"), value(rec, "email"), value(rec, "bulletins")));
                lines.add(lineAt(text, rec.getCharacterPosition()));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return new Parsed(List.of(), List.of(), List.of(new Problem(0, 0, "file", file,
                    "cannot be read as CSV (" + e.getMessage() + ")", "unreadable", List.of(String.valueOf(e.getMessage())))));
        }
        return new Parsed(rows, lines, List.of());
    }

    /**
     * The problems of {@code rows}, in row order: an address that is not one, a bulletin that is not known, a unit
     * bulletin without a unit, a unit that {@code knownUnit} does not know, an address that already receives the same
     * bulletin (of the same unit) on an earlier row.
     *
     * @param file the file the rows were read from ("recipients.csv"), with each row's {@code lines}; null for a
     *             table, whose rows are named "row 3"
     */
    public static List<Problem> check(List<Row> rows, Predicate<String> knownUnit, String file, List<Integer> lines) {
        IntFunction<String> where = i -> file == null ? "row " + (i + 1) : file + " line " + lines.get(i);
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String at = where.apply(i);
            int line = file == null ? 0 : lines.get(i);
            if (!r.email().matches(ADDRESS)) {
                problems.add(r.email().isEmpty() ? new Problem(i + 1, line, "email", at, "the address is missing", "emailMissing", List.of())
                        : new Problem(i + 1, line, "email", at, "'" + r.email() + "' is not an email address", "notAnAddress", List.of(r.email())));
            }
            Set<String> bulletins = new LinkedHashSet<>();
            for (String b : r.bulletins().split("[;|\\s]+")) {
                if (b.isBlank()) {
                    continue;
                }
                if (!b.equals("province") && !b.equals("unit")) {
                    problems.add(new Problem(i + 1, line, "bulletins", at, "'" + b + "' is not known; use province, unit or both as province;unit",
                            "unknownBulletin", List.of(b)));
                } else {
                    bulletins.add(b);
                }
            }
            if (bulletins.isEmpty() && r.bulletins().isBlank()) {
                problems.add(new Problem(i + 1, line, "bulletins", at, "no bulletin chosen; use province, unit or both as province;unit",
                        "noBulletin", List.of()));
            }
            if (bulletins.contains("unit") && r.unit().isEmpty()) {
                problems.add(new Problem(i + 1, line, "unit", at, "a recipient of the unit bulletin needs the unit code", "unitNeeded", List.of()));
            } else if (!r.unit().isEmpty() && !knownUnit.test(r.unit())) {
                problems.add(new Problem(i + 1, line, "unit", at, "unit '" + r.unit() + "' is not in the units of the data;"
                        + " use a code of the units export", "unknownUnit", List.of(r.unit())));
            }
            for (String b : bulletins) {
                // The ledger keeps one delivery per (bulletin, period, unit, address): a second row would be lost in it.
                String key = b + " " + (b.equals("unit") ? r.unit() : "") + " " + r.email().toLowerCase(Locale.ROOT);
                Integer first = seen.putIfAbsent(key, i);
                if (first != null) {
                    problems.add(new Problem(i + 1, line, "email", at, "'" + r.email() + "' already receives the " + b + " bulletin"
                            + (b.equals("unit") ? " of unit " + r.unit() : "") + " on " + where.apply(first)
                            + "; remove one of the two rows", "duplicate",
                            List.of(r.email(), b, r.unit(), String.valueOf(file == null ? first + 1 : lines.get(first)))));
                }
            }
        }
        return problems;
    }

    /** The rows as the recipients file: header, then one line per row, quoted where CSV needs it. */
    public static String csv(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, WRITE)) {
            p.printRecord(COLUMNS);
            for (Row r : rows) {
                // An empty value goes out as nothing (",Chủ tịch,…"), not as "" that commons-csv writes first on a line.
                p.printRecord(blankAsNull(r.unit()), blankAsNull(r.name()), blankAsNull(r.email()), blankAsNull(r.bulletins()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The line (1-based) of a character of the text: blank lines and quoted line breaks count, as in an editor. */
    private static int lineAt(String text, long position) {
        while (position < text.length() && (text.charAt((int) position) == '\n' || text.charAt((int) position) == '\r')) {
            position++; // a record's position is where the parser started, before the blank lines it skipped
        }
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String blankAsNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String value(CSVRecord rec, String column) {
        return rec.isSet(column) ? rec.get(column) : "";
    }
}
