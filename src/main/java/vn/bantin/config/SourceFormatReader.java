package vn.bantin.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;

import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;

/**
 * The {@code source.<file>.*} keys of one export: file, encoding, separator, sheet, header row, reject limit, and
 * the export's own header names ({@code column.<contract column>=Mã đơn vị|Đơn vị}) and words
 * ({@code value.<column>.<contract word>=Trực tuyến|Nộp trực tuyến}), alternatives separated by '|'.
 */
final class SourceFormatReader {
    private final Function<String, String> raw;
    private final BiFunction<String, String, ConfigException> bad;
    private final Properties props;
    private final SourceFile source;
    private final double defaultMaxReject;
    private final String prefix;
    private final String file;

    SourceFormatReader(String file, Function<String, String> raw, BiFunction<String, String, ConfigException> bad,
                       Properties props, SourceFile source, double defaultMaxReject) {
        this.file = file;
        this.raw = raw;
        this.bad = bad;
        this.props = props;
        this.source = source;
        this.defaultMaxReject = defaultMaxReject;
        this.prefix = "source." + source.key() + ".";
    }

    SourceFormat read() {
        String fileName = raw.apply(prefix + "file").strip();
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")) {
            throw bad.apply(prefix + "file", "a file name in the data folder, e.g. " + source.fileName() + " or "
                    + source.key() + ".xlsx");
        }
        String separator = raw.apply(prefix + "separator");
        if (separator.length() != 1) {
            throw bad.apply(prefix + "separator", "one character such as , or ;");
        }
        String sheet = raw.apply(prefix + "sheet").strip();
        return new SourceFormat(fileName, charset(), separator.charAt(0), sheet.isEmpty() ? null : sheet, headerRow(),
                columnNames(), valueWords(), maxReject());
    }

    private Charset charset() {
        String key = prefix + "encoding";
        try {
            return Charset.forName(raw.apply(key).strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw bad.apply(key, "an encoding Java knows, such as UTF-8, UTF-16, windows-1258");
        }
    }

    private int headerRow() {
        String key = prefix + "header-row";
        try {
            int row = Integer.parseInt(raw.apply(key).strip());
            if (row >= 1) {
                return row;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad.apply(key, "the number of the header row, 1 for the first");
    }

    private double maxReject() {
        String key = prefix + "max-reject-percent";
        String v = raw.apply(key).strip();
        if (v.isEmpty()) {
            return defaultMaxReject;
        }
        try {
            double d = Double.parseDouble(v.replace(',', '.'));
            if (d >= 0 && d <= 100) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad.apply(key, "a percentage from 0 to 100 (empty: quality.max-reject-percent)");
    }

    private Map<String, List<String>> columnNames() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : keys("column")) {
            String column = mapping(key).group(3);
            if (!source.hasColumn(column)) {
                throw new ConfigException(file + ": " + key + ": '" + column + "' is not a column of " + source.fileName()
                        + "; its columns are " + String.join(", ", all()));
            }
            out.put(column, alternatives(key));
        }
        return out;
    }

    private Map<String, Map<String, String>> valueWords() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String key : keys("value")) {
            String rest = mapping(key).group(3);
            int dot = rest.indexOf('.');
            String column = dot < 0 ? rest : rest.substring(0, dot);
            String word = dot < 0 ? "" : rest.substring(dot + 1);
            List<String> words = source.words().get(column);
            if (words == null) {
                throw new ConfigException(file + ": " + key + ": " + source.fileName() + " has no column '" + column
                        + "' with words to map; these have: " + String.join(", ", source.words().keySet()));
            }
            if (!words.contains(word)) {
                throw new ConfigException(file + ": " + key + ": '" + word + "' is not a value of " + column + "; write "
                        + prefix + "value." + column + ".<one of " + String.join(", ", words) + ">=<the export's words>");
            }
            Map<String, String> map = out.computeIfAbsent(column, c -> new LinkedHashMap<>());
            for (String exportWord : alternatives(key)) {
                map.put(SourceFormat.wordKey(exportWord), word);
            }
        }
        return out;
    }

    private List<String> keys(String kind) {
        return props.stringPropertyNames().stream()
                .filter(k -> k.startsWith(prefix + kind + ".")).sorted().toList();
    }

    private Matcher mapping(String key) {
        Matcher m = ConfigLoader.MAPPING_KEY.matcher(key);
        if (!m.matches()) {
            throw new IllegalStateException(key);
        }
        return m;
    }

    private List<String> alternatives(String key) {
        List<String> names = new ArrayList<>();
        for (String n : props.getProperty(key).split("\\|")) {
            if (!n.isBlank()) {
                names.add(n.strip());
            }
        }
        if (names.isEmpty()) {
            throw new ConfigException(file + ": " + key + ": give the export's name(s), separated by |");
        }
        return names;
    }

    private List<String> all() {
        List<String> cols = new ArrayList<>(source.required());
        cols.addAll(source.optional());
        return cols;
    }
}
