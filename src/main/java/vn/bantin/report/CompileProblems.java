package vn.bantin.report;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template that does not compile, said at the line of each expression at fault as its editor wrote it: the Java
 * compiler speaks of generated code ({@code parameter_x.getValue()}) and JasperReports of names without a place.
 */
final class CompileProblems {
    /** One error of the Java compiler: its message, then the line of generated code, tagged with the expression's id. */
    private static final Pattern COMPILER_ERROR = Pattern.compile("(?m)^\\d+\\. (.+)\\R(.*?)\\s*//\\$JR_EXPR_ID=\\d+\\$");
    /** How the generated code reads a parameter, field or variable: {@code ((java.lang.String)parameter_x.getValue())}. */
    private static final Pattern GENERATED_VALUE = Pattern.compile(
            "\\(\\([\\w.$\\[\\]<>?, ]+\\)(parameter|field|variable)_(\\w+)\\.get(?:Old|Estimated)?Value\\(\\)\\)");
    private static final Pattern GENERATED_LABEL = Pattern.compile("\\bstr\\(\"([^\"]*)\"\\)");
    private static final Pattern NOT_FOUND = Pattern.compile("(Parameter|Field|Variable) not found : (\\S+)");

    private CompileProblems() {
    }

    /**
     * A template that does not compile, at the line of each expression at fault, as the editor wrote it (the compiler
     * speaks of generated code), or of each name used where its data set does not declare it.
     */
    static ReportException compileFailure(Path template, Exception e) {
        String message = String.valueOf(e.getMessage());
        Optional<TemplateSource> source = TemplateSource.read(template);
        Set<String> located = new LinkedHashSet<>();
        source.ifPresent(s -> {
            Matcher error = COMPILER_ERROR.matcher(message);
            while (error.find()) {
                String written = asWritten(error.group(2)).strip();
                int line = s.lineWith(written);
                located.add(template + ":" + (line > 0 ? line : 1) + ": the expression does not compile: "
                        + error.group(1).strip() + ", in: " + TemplateSource.brief(written));
            }
            Matcher notFound = NOT_FOUND.matcher(message);
            while (notFound.find()) {
                located.add(undeclared(s, notFound.group(1).toLowerCase(Locale.ROOT), notFound.group(2)));
            }
        });
        return located.isEmpty() ? ReportException.inTemplate(template, "does not compile", e)
                : ReportException.located(template, String.join("\n", located), e);
    }

    /** The generated line of code turned back into what the editor wrote: {@code $P{x}}, {@code $R{key}}. */
    private static String asWritten(String generated) {
        // A one-line expression is generated as "value = <expression>;".
        String statement = generated.strip().replaceFirst("^value = ", "").replaceFirst(";$", "");
        String text = GENERATED_VALUE.matcher(statement).replaceAll(m -> Matcher.quoteReplacement(
                "$" + Character.toUpperCase(m.group(1).charAt(0)) + "{" + m.group(2) + "}"));
        return GENERATED_LABEL.matcher(text).replaceAll(m -> Matcher.quoteReplacement("$R{" + m.group(1) + "}"));
    }

    /** Where {@code $F{name}} (or $P, $V) is used in a data set that does not declare it: a table reads its own. */
    private static String undeclared(TemplateSource source, String kind, String name) {
        char letter = Character.toUpperCase(kind.charAt(0));
        List<TemplateSource.Use> uses = source.uses().stream().filter(u -> u.kind() == letter && u.name().equals(name)).toList();
        Optional<TemplateSource.Use> wrong = uses.stream()
                .filter(u -> source.declaration(kind, u.in().dataset(), name).isEmpty()).findFirst();
        TemplateSource.Use use = wrong.or(() -> uses.stream().findFirst()).orElse(null);
        if (use == null) {
            return source.file() + ":1: " + kind + " '" + name + "' is not declared";
        }
        String where = use.in().dataset() == null ? "the report's own data set"
                : "sub-dataset '" + use.in().dataset() + "' (the table or chart filled from it)";
        String declareUnder = use.in().dataset() == null ? "<jasperReport>" : "<dataset name=\"" + use.in().dataset() + "\">";
        String in = use.in().text().strip().equals("$" + letter + "{" + name + "}") ? "" : ", in: " + TemplateSource.brief(use.in().text());
        return source.file() + ":" + use.line() + ": $" + letter + "{" + name + "} is used in " + where + ", which declares no "
                + kind + " '" + name + "'; correct the name, or declare it under " + declareUnder + in;
    }
}
