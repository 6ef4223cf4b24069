package vn.bantin.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal on a page in the reader's language. The core refuses in English (the CLI and the JSON API show it so);
 * each form the console knows is reworded from its pattern (label {@code refused.<key>}), its values kept. One it
 * does not know is shown as it came, never hidden.
 */
final class Refusals {
    private static final String NOT_A_PERIOD = "'(.*)' is not a period: ";
    private static final String WRITE = "; write .*";
    private static final Map<Pattern, String> FORMS = forms(
            NOT_A_PERIOD + "the month is (\\S+), and a month is 01 to 12" + WRITE, "period.month",
            NOT_A_PERIOD + "the range ends \\((\\S+)\\) before it starts \\((\\S+)\\)" + WRITE, "period.range",
            NOT_A_PERIOD + "a quarter is Q1 to Q4" + WRITE, "period.quarter",
            NOT_A_PERIOD + "(\\S+) is not a day of the calendar \\(yyyy-MM-dd\\)" + WRITE, "period.day",
            NOT_A_PERIOD + "write .*", "period.form",
            "bulletin '(.*)' is not known; choose province, unit, all or one unit", "bulletin",
            "choose the unit whose bulletin to make", "chooseUnit",
            "a preview shows one bulletin: choose the province's or one unit's", "previewOne",
            "no recipient in recipients.csv receives the unit bulletin of '(.*)'", "noUnitRecipient",
            "no delivery of this run went to (.*)", "noDelivery",
            "no message of this run was refused or failed: nothing to send again", "nothingToResend");

    private Refusals() {
    }

    static String word(String english, View v) {
        return english == null ? null : reword(FORMS, "refused.", english, v);
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
