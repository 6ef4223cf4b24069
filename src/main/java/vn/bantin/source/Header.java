package vn.bantin.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An export's header row matched onto the contract's columns: by the contract's name or any name config gives
 * for it ({@code source.<file>.column.<name>}), case-insensitively, spaces and Unicode forms ignored.
 */
final class Header {
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, String> matched = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();

    private Header() {
    }

    static Header match(String fileName, SourceFile source, SourceFormat format, List<String> cells) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String column : columns(source)) {
            names.put(key(column), column);
            for (String alias : format.columnNames().getOrDefault(column, List.of())) {
                names.put(key(alias), column);
            }
        }
        Header h = new Header();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String raw = Cells.text(cells.get(i));
            if (raw == null) {
                continue;
            }
            found.add(raw);
            String column = names.get(key(raw));
            if (column != null && !h.index.containsKey(column)) {
                h.index.put(column, i);
                h.matched.put(column, raw);
            } else {
                h.ignored.add(raw);
            }
        }
        List<String> missing = source.required().stream().filter(c -> !h.index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new SourceException(fileName + ": missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; the header has: " + String.join(", ", found)
                    + hint(source, format, found));
        }
        return h;
    }

    private static String hint(SourceFile source, SourceFormat format, List<String> found) {
        if (found.size() == 1 && found.get(0).contains(";") && format.separator() != ';') {
            return " (is the separator ';'? set source." + source.key() + ".separator)";
        }
        return " (map an export's own header with source." + source.key() + ".column.<contract column>=<header>)";
    }

    private static List<String> columns(SourceFile source) {
        List<String> all = new ArrayList<>(source.required());
        all.addAll(source.optional());
        return all;
    }

    private static String key(String name) {
        return Cells.text(name) == null ? "" : Cells.text(name).toLowerCase(Locale.ROOT);
    }

    Integer indexOf(String column) {
        return index.get(column);
    }

    /** Contract column → the export's header it was matched to. */
    Map<String, String> matched() {
        return matched;
    }

    List<String> ignored() {
        return ignored;
    }
}
