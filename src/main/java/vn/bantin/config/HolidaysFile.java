package vn.bantin.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.bantin.indicator.WorkingDays;

/**
 * {@code config/holidays.csv} (spec indicators-766 §3): {@code date,name[,working]}, UTF-8 with or without BOM; lines starting with {@code #} are notes. An
 * unreadable row or a date listed twice stops the program at start-up with the file and line.
 */
public final class HolidaysFile {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private HolidaysFile() {
    }

    /** The calendar of {@code file}; null when the file does not exist (the caller decides whether that is an error). */
    public static WorkingDays read(Path file) {
        Map<LocalDate, Boolean> entries = new LinkedHashMap<>();
        Map<LocalDate, Long> lines = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).setIgnoreEmptyLines(true).setCommentMarker('#').get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            try (CSVParser p = CSVParser.parse(r, format)) {
                if (!p.getHeaderMap().containsKey("date") || !p.getHeaderMap().containsKey("name")) {
                    throw new ConfigException(file + " line 1: the header must be date,name[,working]; found "
                            + String.join(",", p.getHeaderNames()));
                }
                boolean hasWorking = p.getHeaderMap().containsKey("working");
                for (CSVRecord rec : p) {
                    long line = rec.getRecordNumber() + 1;
                    String where = file + " line " + line;
                    LocalDate date = date(where, rec.get("date"));
                    String working = hasWorking && rec.isSet("working") ? rec.get("working") : "";
                    boolean worked = bool(where, working);
                    Long first = lines.putIfAbsent(date, line);
                    if (first != null) {
                        throw new ConfigException(where + ": " + date + " is already listed on line " + first
                                + "; keep one of the two rows");
                    }
                    entries.put(date, worked);
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return new WorkingDays(entries);
    }

    private static LocalDate date(String where, String text) {
        String t = text.strip();
        try {
            return LocalDate.parse(t, t.length() == 10 && t.charAt(2) == '/' ? VN : ISO);
        } catch (DateTimeParseException e) {
            throw new ConfigException(where + ": date '" + text + "' is not a date; write yyyy-MM-dd or dd/MM/yyyy");
        }
    }

    private static boolean bool(String where, String text) {
        String w = java.text.Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return switch (w) {
            case "", "false", "0", "no", "n", "khong" -> false;
            case "true", "1", "yes", "y", "co" -> true;
            default -> throw new ConfigException(where + ": working '" + text + "' is not a yes/no value; write true for a"
                    + " worked Saturday or Sunday (ngày làm bù), or leave it empty");
        };
    }
}
