package vn.bantin.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewords the data check's reject reasons, which the reading code (vn.bantin.source) gives only as English sentences:
 * each form the Data page knows is reworded from its pattern (label {@code data.reason.<key>}), its values kept; one
 * it does not know is shown as it came, never hidden. Refusals of the console carry their own label key ({@link Said}).
 */
final class Rewording {
    private Rewording() {
    }

    /** {@code english} in the words of the label {@code prefix + key} of the first form it matches; else as it is. */
    static String reword(Map<Pattern, String> forms, String prefix, String english, View v) {
        for (Map.Entry<Pattern, String> e : forms.entrySet()) {
            Matcher m = e.getKey().matcher(english);
            if (m.matches()) {
                Object[] groups = new Object[m.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = m.group(i + 1);
                }
                return v.t(prefix + e.getValue(), groups);
            }
        }
        return english;
    }

    /** Patterns (DOTALL) and their label keys, in the order they are tried. */
    static Map<Pattern, String> forms(String... patternThenKey) {
        Map<Pattern, String> out = new LinkedHashMap<>();
        for (int i = 0; i < patternThenKey.length; i += 2) {
            out.put(Pattern.compile(patternThenKey[i], Pattern.DOTALL), patternThenKey[i + 1]);
        }
        return out;
    }
}
