package vn.bantin.console;

import java.util.Arrays;
import java.util.List;

/**
 * A sentence for a person, as its source says it: a key of the console's label files with its values, and the same
 * sentence in English for the terminal, the log and the JSON API. A page words it from the key in the reader's
 * language; nothing is translated by matching English text, so a changed sentence cannot silently stay English.
 * A value made by {@link #word} is itself a label (a role, the kinds of bulletin "province+unit") and is worded too.
 */
public record Said(String key, List<String> args, String english) {
    /** Marks a value that is a label: MARK + prefix + MARK + id. */
    private static final String MARK = "\u0001";

    public Said {
        args = List.copyOf(args);
    }

    public static Said of(String key, String english, Object... args) {
        return new Said(key, Arrays.stream(args).map(String::valueOf).toList(), english);
    }

    /** A value shown as the label {@code prefix + id} ("kind." and "province+unit": each kind, comma-separated). */
    public static String word(String prefix, String id) {
        return MARK + prefix + MARK + id;
    }

    /**
     * In the reader's words; the sentence as it is when it has no key (a text its source gives only so, or already in
     * the reader's words) or the labels lack the key (a label file older than the code).
     */
    public String in(View v) {
        if (key == null || !v.labels().has(v.lang(), key)) {
            return english;
        }
        return v.t(key, args.stream().map(a -> value(v, a)).toArray());
    }

    private static String value(View v, String arg) {
        if (!arg.startsWith(MARK)) {
            return arg;
        }
        String[] parts = arg.substring(1).split(MARK, 2);
        return parts[0].equals("kind.") ? v.bulletins(parts[1]) : v.word(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return english;
    }
}
