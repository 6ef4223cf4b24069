package vn.bantin.source;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.bantin.indicator.UnitChanges;
import vn.bantin.indicator.UnitTree;

/**
 * {@code unit-changes.csv} in the data folder, optional: {@code old_code,new_code,effective_date}, one row per unit
 * merged into another (the 2025 reorganisation). A row that cannot be read stops the run with its line: a wrong
 * mapping would silently credit one commune with another's records.
 */
public final class UnitChangesFile {
    private UnitChangesFile() {
    }

    public static UnitChanges read(Path file, UnitTree tree, ZoneId zone) {
        String name = file.getFileName().toString();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).setIgnoreEmptyLines(true).get();
        List<UnitChanges.Change> changes = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        SourceFiles.requireRegular(file);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            try (CSVParser p = CSVParser.parse(r, format)) {
                for (String c : List.of("old_code", "new_code", "effective_date")) {
                    if (!p.getHeaderMap().containsKey(c)) {
                        throw new SourceException(name + ": missing column " + c + "; the header must be old_code,new_code,effective_date");
                    }
                }
                for (CSVRecord rec : p) {
                    String where = name + " line " + (rec.getRecordNumber() + 1);
                    String from = Cells.text(rec.get("old_code"));
                    String to = Cells.text(rec.get("new_code"));
                    if (from == null || to == null) {
                        throw new SourceException(where + ": old_code and new_code are both needed");
                    }
                    if (!tree.contains(to)) {
                        throw new SourceException(where + ": new_code '" + to + "' is not in units.csv; the unit a commune was"
                                + " merged into must be one of the units");
                    }
                    LocalDate effective;
                    try {
                        effective = Cells.date("effective_date", Cells.text(rec.get("effective_date")) == null ? ""
                                : Cells.text(rec.get("effective_date")), zone);
                    } catch (BadCell e) {
                        throw new SourceException(where + ": effective_date '" + rec.get("effective_date") + "' is not a date;"
                                + " write yyyy-MM-dd or dd/MM/yyyy");
                    }
                    Long first = firstLine.putIfAbsent(from, rec.getRecordNumber() + 1);
                    if (first != null) {
                        throw new SourceException(where + ": old_code '" + from + "' is already merged on line " + first
                                + "; a unit goes into one new unit only");
                    }
                    changes.add(new UnitChanges.Change(from, to, effective));
                }
            }
        } catch (NoSuchFileException e) {
            return UnitChanges.none();
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new SourceException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        return new UnitChanges(changes);
    }
}
