package vn.bantin.report;

import java.util.List;

/**
 * The template editors' reference (templates/PARAMETERS.md), written from {@link FieldCatalogue}: the conventions
 * every template follows, then per bulletin a table of its parameters and one of the row fields of each list.
 */
public final class FieldsMarkdown {

    /** The command that prints the reference, and rewrites the file from it. */
    public static final String REGENERATE = "java -jar target/bantin.jar templates fields > templates/PARAMETERS.md";

    private static final String INTRO = """
            # The parameters and fields a template can use

            This is the reference for whoever edits the templates: every parameter the program passes to the templates \
            of each bulletin, and every field of the rows of a list parameter, with its type, whether it may be null \
            and what it means. A template may use any of them. The program declares them in \
            `src/main/java/vn/bantin/report/FieldCatalogue.java` and passes nothing else, and the build fails when a \
            template under `templates/` declares a parameter or field that is not listed here, or with another type; \
            renaming one means changing the program too.

            This file is printed by `java -jar target/bantin.jar templates fields`: do not edit it by hand. After a \
            change to the catalogue, write it again with `%s`.

            ## Conventions

            The renderer gets one `Map<String,Object>` of Jasper parameters plus a `ResourceBundle` of labels, passed \
            as `REPORT_RESOURCE_BUNDLE`, so templates use `$R{key}` and `msg($R{key}, a, b, c)` (the labels are in \
            `labels/bulletin_<language>.properties` and are not listed here); `REPORT_LOCALE` is the labels' \
            `bulletin.locale`. All display strings are already formatted the Vietnamese way (`93,78%%`, `1.724`, \
            `3,04`); a figure that has no data is `null`, and the template must then print a "no data" wording from \
            the labels, never a 0.

            A list (type "List of rows") is a `List<Map<String,Object>>`, one map per row holding the fields listed \
            under it, and the template wraps it itself \
            (`new net.sf.jasperreports.engine.data.JRMapCollectionDataSource($P{edocUnits})`), so a list can feed both \
            a table and a chart. The sub-dataset that reads a list bears the list's name and declares the row fields it \
            uses as its fields. A workbook sheet template names the list its rows come from with the report property \
            `bantin.rows` and declares the row fields it uses as its own fields.

            A template declares each parameter and field it uses with the type given here or a wider one: \
            `java.lang.Number` for a Long or an Integer, `java.lang.Object` for anything; a list is a `java.util.List`. \
            A parameter the template computes itself (one with a `defaultValueExpression`, such as `NO_DATA`) must not \
            take a name from this list: the program passes every parameter here, so such a default would never apply.

            The email bodies (`email/<bulletin>_<language>.html` and `.txt`) take the same values as `{{key}}`, a list as \
            `{{#list}}…{{/list}}`, and the recipient's name as `{{recipientName}}`.
            """.formatted(REGENERATE);

    private FieldsMarkdown() {
    }

    /** The conventions, then each of {@code bulletins}. */
    public static String of(List<BulletinFields> bulletins) {
        StringBuilder md = new StringBuilder(INTRO);
        bulletins.forEach(b -> bulletin(md, b));
        return md.toString();
    }

    private static void bulletin(StringBuilder md, BulletinFields b) {
        md.append("\n# ").append(b.title()).append("\n\n");
        md.append("Used by ").append(String.join(" and ", b.templates().stream().map(t -> "`" + t + "`").toList()))
                .append(", and by the email bodies `email/").append(b.name()).append("_<language>.html` and `.txt`. ")
                .append(b.about()).append('\n');
        for (BulletinFields.Group g : b.groups()) {
            md.append("\n## ").append(g.title()).append("\n\n");
            table(md, "parameter", g.fields());
            for (TemplateField list : g.fields()) {
                if (!list.rowFields().isEmpty()) {
                    md.append("\n### Rows of `").append(list.name()).append("`\n\n");
                    table(md, "field", list.rowFields());
                }
            }
        }
    }

    private static void table(StringBuilder md, String what, List<TemplateField> fields) {
        md.append("| ").append(what).append(" | type | may be null | meaning |\n|---|---|---|---|\n");
        for (TemplateField f : fields) {
            md.append("| `").append(f.name()).append("` | ").append(f.type().label()).append(" | ")
                    .append(f.mayBeNull() ? "yes: " + cell(f.whenNull()) : "no").append(" | ")
                    .append(cell(f.meaning())).append(" |\n");
        }
    }

    /** A table cell ends at a bar. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
