package vn.bantin.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The message for a key a config file does not know: where it is ({@code file:line}), and the valid key it is most
 * likely a slip of ("did you mean 'target.edoc.rate.province'?"), by edit distance.
 */
public final class UnknownKey {
    private UnknownKey() {
    }

    /** {@code file:line: unknown key 'k'; did you mean 'x'?; } and {@code rest} (what the valid keys are). */
    public static String message(Path file, String key, Collection<String> valid, String rest) {
        return where(file, key) + ": unknown key '" + key + "'"
                + closest(key, valid).map(k -> "; did you mean '" + k + "'?").orElse("") + "; " + rest;
    }

    /**
     * The valid key nearest to {@code key}, if it is near enough to be a slip of the keyboard: an edit per three letters
     * of its last part, at most three. Keys share long prefixes, so a bound on the whole key would guess
     * "trigger.monthly.cron" for "trigger.monthly.zone".
     */
    static Optional<String> closest(String key, Collection<String> valid) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        int allowed = Math.min(3, Math.max(1, last.length() / 3));
        return valid.stream().map(v -> new Candidate(v, distance(key.toLowerCase(), v.toLowerCase())))
                .filter(c -> c.distance() <= allowed)
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::key))
                .map(Candidate::key);
    }

    private record Candidate(String key, int distance) {}

    /** Levenshtein distance: insertions, deletions and substitutions. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** {@code file:line} of the line that sets {@code key}, or the file alone when it cannot be found. */
    private static String where(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).stripLeading();
                if (line.startsWith(key) && (line.length() == key.length()
                        || " \t=:".indexOf(line.charAt(key.length())) >= 0)) {
                    return file + ":" + (i + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the key is still named; only its line is missing
        }
        return file.toString();
    }
}
