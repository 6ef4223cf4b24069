package vn.bantin.console;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit row's details in the reader's language. The trail keeps them as the program wrote them (English, the same
 * for every reader and for the CLI); the page rewords the forms it knows (label {@code audit.details.<action>}) and
 * shows any other text as it is kept, so that an older or unknown row is never hidden.
 */
public final class AuditDetails {
    private record Form(Pattern pattern, BiFunction<View, Matcher, Object[]> args) {}

    private static final BiFunction<View, Matcher, Object[]> AS_IS = (v, m) -> groups(m);

    private static final Map<String, Form> FORMS = Map.ofEntries(
            Map.entry("user.add", new Form(Pattern.compile("(.+) as (\\S+)"),
                    (v, m) -> new Object[] {m.group(1), v.word("role.", m.group(2))})),
            Map.entry("user.role", new Form(Pattern.compile("(.+): (\\S+) -> (\\S+)"),
                    (v, m) -> new Object[] {m.group(1), v.word("role.", m.group(2)), v.word("role.", m.group(3))})),
            Map.entry("template.publish", new Form(Pattern.compile("(\\S+) version (\\d+) \\(candidate (\\d+)\\)"), AS_IS)),
            Map.entry("template.discard", new Form(Pattern.compile("(\\S+) \\(candidate (\\d+)\\)"), AS_IS)),
            Map.entry("template.rollback", new Form(Pattern.compile("(\\S+) to version (\\d+) \\(now version (\\d+)\\)"), AS_IS)),
            Map.entry("recipients.save", new Form(Pattern.compile("(\\S+) version (\\d+), (\\d+) rows"), AS_IS)),
            Map.entry("recipients.import", new Form(Pattern.compile("(\\S+) version (\\d+), (\\d+) rows"), AS_IS)),
            Map.entry("run", new Form(Pattern.compile("(\\S+)( \\S+)? (\\S+)"), AuditDetails::bulletinsFirst)),
            Map.entry("preview", new Form(Pattern.compile("(\\S+)( \\S+)? (\\S+)"), AuditDetails::bulletinsFirst)),
            Map.entry("resend", new Form(Pattern.compile("(\\S+) (\\S+) to (.+)"), AuditDetails::bulletinsFirst)));

    private AuditDetails() {
    }

    public static String of(View v, String action, String details) {
        Form form = FORMS.get(action);
        Matcher m = form == null ? null : form.pattern().matcher(details);
        return m != null && m.matches() ? v.t("audit.details." + action, form.args().apply(v, m)) : details;
    }

    /** "province+unit" as "tỉnh, đơn vị"; the other parts as kept (a unit code, a period). */
    private static Object[] bulletinsFirst(View v, Matcher m) {
        Object[] args = groups(m);
        args[0] = v.bulletins(m.group(1));
        return args;
    }

    private static Object[] groups(Matcher m) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = m.group(i + 1) == null ? "" : m.group(i + 1);
        }
        return args;
    }
}
