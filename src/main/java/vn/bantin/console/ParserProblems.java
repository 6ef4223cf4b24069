package vn.bantin.console;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template problem ({@code file:line: what}) for an editor who reads Vietnamese. Its "what" is the JDK's XML parser's
 * or the report compiler's sentence, which only those libraries word: the page keeps the {@code file:line:} in front,
 * says in the reader's words which common kind of mistake it is (not well-formed, an unknown element or attribute, an
 * expression that does not compile), and gives the original sentence after it. Another kind is shown as it came.
 */
public final class ParserProblems {
    private static final Pattern PLACED = Pattern.compile("(\\S+?:\\d+): (.*)", Pattern.DOTALL);

    private ParserProblems() {
    }

    /** The kind of mistake the parser's sentence is about, or null when it is none of the common ones. */
    static String kind(String what) {
        String w = what.toLowerCase(Locale.ROOT);
        if (w.startsWith("not well-formed xml") || w.contains("is not well-formed xml") || w.contains("must be terminated by the matching")
                || w.contains("content is not allowed in prolog") || w.contains("xml document structures must start and end")) {
            return "notWellFormed";
        }
        if (w.contains("unrecognized field") || w.contains("unknown element") || w.contains("unknown attribute")
                || w.contains("unknown property") || w.contains("is not allowed to appear in element")
                || w.contains("invalid content was found") || w.contains("unrecognized element")) {
            return "unknownName";
        }
        if (w.contains("does not compile") || w.contains("cannot be resolved") || w.contains("is undefined for the type") || w.contains("syntax error")
                || w.contains("type mismatch") || w.contains("errors compiling") || w.contains("not found : ")
                || w.contains("the method ") || w.contains("is not visible")) {
            return "expression";
        }
        return null;
    }

    public static String explain(View v, String problem) {
        if (problem == null || !"vi".equals(v.lang())) {
            return problem;
        }
        Matcher m = PLACED.matcher(problem.strip());
        String where = m.matches() ? m.group(1) : null;
        String what = m.matches() ? m.group(2) : problem.strip();
        String kind = kind(what);
        if (kind == null) {
            return problem;
        }
        String said = v.t("parser." + kind, what);
        return where == null ? said : where + ": " + said;
    }
}
