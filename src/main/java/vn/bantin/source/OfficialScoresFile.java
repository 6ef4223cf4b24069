package vn.bantin.source;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.bantin.indicator.Engine766;
import vn.bantin.indicator.Group766;
import vn.bantin.indicator.Official766;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.UnitTree;

/**
 * {@code official-766.csv} (spec indicators-766 §8): the portal's scores, typed by hand or saved from its tables.
 * Optional: without the file there are no official scores. Headers match case-insensitively, by the contract's name,
 * the Vietnamese ones the portal's tables use, or those config gives; rows of other periods are valid but unused.
 */
public final class OfficialScoresFile {
    private static final List<String> COLUMNS = List.of("period_start", "period_end", "unit", "group", "score", "max", "rank");
    private static final Map<String, List<String>> VIETNAMESE = Map.of(
            "period_start", List.of("Từ ngày"), "period_end", List.of("Đến ngày"), "unit", List.of("Mã đơn vị"),
            "group", List.of("Nhóm chỉ số"), "score", List.of("Điểm"), "max", List.of("Điểm tối đa"),
            "rank", List.of("Xếp hạng"));

    private OfficialScoresFile() {
    }

    /**
     * @param columns     contract column → the export's own header names ({@code source.official-766.column.*})
     * @param provinceCode the code that also means the province (empty: only an empty unit does)
     */
    public static Official766 read(Path file, Map<String, List<String>> columns, UnitTree tree, String provinceCode,
                                   Period period, ZoneId zone, RejectSink rejects) {
        String name = file.getFileName().toString();
        Map<String, Map<Group766, Official766.Score>> scores = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        long other = 0;
        long read = 0;
        long rejected = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        SourceFiles.requireRegular(file);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            Map<String, Integer> index = null;
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber();
                if (index == null) {
                    index = header(name, rec, columns);
                    continue;
                }
                read++;
                try {
                    LocalDate start = Cells.date("period_start", required(rec, index, "period_start"), zone);
                    LocalDate end = Cells.date("period_end", required(rec, index, "period_end"), zone);
                    String unit = cell(rec, index, "unit");
                    String scope = unit == null || unit.equals(provinceCode) && !provinceCode.isEmpty() ? Engine766.PROVINCE : unit;
                    if (!scope.equals(Engine766.PROVINCE) && !tree.contains(unit)) {
                        throw BadCell.unknown("unit", unit, "unknown unit code: not in units.csv (leave it empty for the province)");
                    }
                    String groupText = required(rec, index, "group");
                    Group766 group = Group766.parse(groupText).orElseThrow(() -> new BadCell("group", groupText,
                            "unknown group: expected cong_khai, tien_do, dvc_truc_tuyen, thanh_toan, so_hoa, hai_long or tong"));
                    double score = number("score", required(rec, index, "score"));
                    String maxText = cell(rec, index, "max");
                    double max = maxText == null ? group.nominal() : number("max", maxText);
                    if (max <= 0) {
                        throw new BadCell("max", maxText, "a maximum must be above 0");
                    }
                    if (score > max) {
                        throw new BadCell("score", required(rec, index, "score"), "score above the maximum (" + max + ")");
                    }
                    String rankText = cell(rec, index, "rank");
                    Integer rank = null;
                    if (rankText != null) {
                        if (!rankText.matches("[0-9]{1,9}") || Integer.parseInt(rankText) == 0) {
                            throw new BadCell("rank", rankText, "not a rank: expected a positive whole number");
                        }
                        rank = Integer.parseInt(rankText);
                    }
                    String key = start + "|" + end + "|" + scope + "|" + group;
                    if (!seen.add(key)) {
                        throw new BadCell("group", groupText, "a second row for the same period, unit and group: the first counts");
                    }
                    if (!start.equals(period.start()) || !end.equals(period.end())) {
                        other++;
                        continue;
                    }
                    scores.computeIfAbsent(scope, k -> new EnumMap<>(Group766.class))
                            .put(group, new Official766.Score(group, score, max, rank));
                } catch (BadCell bad) {
                    rejects.reject(new Reject(name, line, bad.column, bad.value, bad.getMessage()));
                    rejected++;
                }
            }
            if (index == null) {
                throw new SourceException(name + ": the file is empty; expected a header row with the columns "
                        + String.join(", ", COLUMNS));
            }
        } catch (NoSuchFileException e) {
            return Official766.none(false);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new SourceException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        return new Official766(Map.copyOf(scores), other, true, read, rejected);
    }

    private static Map<String, Integer> header(String name, CSVRecord rec, Map<String, List<String>> columns) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            names.put(key(c), c);
            VIETNAMESE.getOrDefault(c, List.of()).forEach(v -> names.put(key(v), c));
            columns.getOrDefault(c, List.of()).forEach(v -> names.put(key(v), c));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < rec.size(); i++) {
            String column = names.get(key(rec.get(i)));
            if (column != null) {
                index.putIfAbsent(column, i);
            }
        }
        for (String required : List.of("period_start", "period_end", "group", "score")) {
            if (!index.containsKey(required)) {
                throw new SourceException(name + ": missing required column " + required + "; the header has: "
                        + String.join(", ", rec.toList()) + " (map a header with source.official-766.column." + required + ")");
            }
        }
        return index;
    }

    private static String key(String header) {
        String t = Cells.text(header.replace("\uFEFF", ""));
        return t == null ? "" : t.toLowerCase(Locale.ROOT);
    }

    private static String cell(CSVRecord rec, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= rec.size() ? null : Cells.text(rec.get(i));
    }

    private static String required(CSVRecord rec, Map<String, Integer> index, String column) throws BadCell {
        String v = cell(rec, index, column);
        if (v == null) {
            throw new BadCell(column, "", "required value is empty");
        }
        return v;
    }

    /** Points: '.' or ',' as the decimal separator, no thousands separator, 0 or more. */
    private static double number(String column, String text) throws BadCell {
        if (!text.matches("[0-9]+([.,][0-9]+)?")) {
            throw new BadCell(column, text, "not a score: expected points such as 15,82 or 92.80 (no thousands separator)");
        }
        return Double.parseDouble(text.replace(',', '.'));
    }
}
