package vn.bantin.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A label or email-wording file ({@code .properties}, UTF-8, as {@link Labels} reads it) as an editor sees it: its
 * entries in file order with the comment above each, and the same text with some values changed, every other line
 * (comments, blank lines, order, the other entries byte for byte) left as it was.
 */
public final class PropertiesText {
    /** One {@code key = text} of the file; {@code comment} the comment lines just above it (without '#'), {@code line} 1-based. */
    public record Entry(String key, String text, String comment, int line) {}

    /** A logical line holding an entry: physical lines {@code first..last} (continued with '\'), and where its value starts. */
    private record Slot(Entry entry, int first, int last, String prefix) {}

    private final List<String> lines;
    private final String newline;
    private final boolean finalNewline;
    private final List<Slot> slots = new ArrayList<>();

    private PropertiesText(String text) {
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.finalNewline = text.endsWith("\n");
        this.lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (finalNewline) {
            lines.remove(lines.size() - 1);
        }
        List<String> comment = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String stripped = lines.get(i).stripLeading();
            if (stripped.isEmpty()) {
                comment.clear();
                continue;
            }
            if (stripped.startsWith("#") || stripped.startsWith("!")) {
                comment.add(stripped.substring(1).strip());
                continue;
            }
            int last = i;
            while (endsWithOddBackslashes(lines.get(last)) && last + 1 < lines.size()) {
                last++;
            }
            Properties one = load(String.join("\n", lines.subList(i, last + 1)));
            String key = one.stringPropertyNames().iterator().next();
            slots.add(new Slot(new Entry(key, one.getProperty(key), String.join("\n", comment), i + 1), i, last,
                    prefix(lines.get(i))));
            comment.clear();
            i = last;
        }
    }

    public static PropertiesText parse(String text) {
        return new PropertiesText(text);
    }

    /** Every entry in file order (a key written twice comes twice; the last one counts, as for Java). */
    public List<Entry> entries() {
        return slots.stream().map(Slot::entry).toList();
    }

    /** The values by key, as the program reads them. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        slots.forEach(s -> values.put(s.entry().key(), s.entry().text()));
        return values;
    }

    /**
     * The file's text with the values of {@code changes} replaced (the last line of a key written twice, the one
     * that counts). A key the file does not hold is refused: the templates would not read it.
     */
    public String with(Map<String, String> changes) {
        Map<Integer, Slot> byFirst = new LinkedHashMap<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            Slot slot = null;
            for (Slot s : slots) {
                if (s.entry().key().equals(change.getKey())) {
                    slot = s;
                }
            }
            if (slot == null) {
                throw new ReportException("'" + change.getKey() + "' is not a key of this file; only the wording of keys"
                        + " the file has can be changed (the templates look up those).");
            }
            byFirst.put(slot.first(), new Slot(new Entry(slot.entry().key(), change.getValue(), slot.entry().comment(),
                    slot.entry().line()), slot.first(), slot.last(), slot.prefix()));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Slot changed = byFirst.get(i);
            if (changed != null) {
                out.append(changed.prefix()).append(escape(changed.entry().text()));
                i = changed.last();
            } else {
                out.append(lines.get(i));
            }
            if (i < lines.size() - 1 || finalNewline) {
                out.append(newline);
            }
        }
        String text = out.toString();
        Properties back = load(text);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            if (!change.getValue().equals(back.getProperty(change.getKey()))) {
                throw new IllegalStateException("the new text of " + change.getKey() + " does not read back as written");
            }
        }
        return text;
    }

    /** The key and separator of an entry's first line, as written: {@code "met.yes = "}. */
    private static String prefix(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        while (i < line.length() && "=: \t\f".indexOf(line.charAt(i)) < 0) {
            i += line.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(i, line.length());
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
            i++;
        }
        if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
            i++;
        }
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
            i++;
        }
        String prefix = line.substring(0, i);
        if (i == line.length() && endsWithOddBackslashes(prefix)) {
            prefix = prefix.substring(0, prefix.length() - 1); // the value started on the next line
        }
        return prefix.isEmpty() || prefix.matches("(?s).*[=:\\s]$") ? prefix : prefix + " = ";
    }

    /** A value as a .properties line holds it: UTF-8 text as it is; backslashes, line breaks and edge spaces escaped. */
    static String escape(String value) {
        StringBuilder b = new StringBuilder();
        int lastKept = value.length() - 1;
        while (lastKept >= 0 && value.charAt(lastKept) == ' ') {
            lastKept--;
        }
        boolean leading = true; // Java drops the spaces a value starts with unless they are escaped
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            leading &= c == ' ';
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\f' -> b.append("\\f");
                case ' ' -> b.append(leading || i > lastKept ? "\\u0020" : " ");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static Properties load(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new ReportException("The label file has a malformed \\u escape: " + e.getMessage() + ".");
        }
        return p;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
