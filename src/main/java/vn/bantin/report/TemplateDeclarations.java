package vn.bantin.report;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.components.charts.ChartComponent;
import net.sf.jasperreports.engine.DatasetRunHolder;
import net.sf.jasperreports.engine.JRBand;
import net.sf.jasperreports.engine.JRComponentElement;
import net.sf.jasperreports.engine.JRDataset;
import net.sf.jasperreports.engine.JRDatasetRun;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRElementGroup;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

/**
 * Holds the templates of a folder to what the program supplies: every parameter and field a template declares must be
 * one {@link FieldCatalogue} says the program passes, in a type that can hold it, and every label a template reads
 * ({@code $R{key}}, a sheet's name) must be in the label file and, as a sentence pattern, valid. A slip here does not
 * stop Jasper: it prints {@code null}. Each problem is {@code file:line: what is wrong}, so one check lists them all.
 */
public final class TemplateDeclarations {
    private static final Pattern LIST_READ = Pattern.compile("\\$P\\{(\\w+)}");

    private TemplateDeclarations() {
    }

    /** The problems of every template under {@code templatesDir}, against the labels of {@code labelFile}. */
    public static List<String> problems(Path templatesDir, ResourceBundle labels, Path labelFile) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> brokenPatterns = new LinkedHashMap<>();
        for (Path template : templates(templatesDir)) {
            String relative = templatesDir.relativize(template).toString().replace('\\', '/');
            Optional<TemplateSource> source = TemplateSource.read(template);
            if (source.isEmpty()) {
                continue; // not well-formed: the compiler's check says where
            }
            Optional<BulletinFields> bulletin = bulletinOf(relative);
            if (bulletin.isEmpty()) {
                problems.add(template + ":1: is not a template of any bulletin; templates are "
                        + FieldCatalogue.ALL.stream().flatMap(b -> b.templates().stream()).toList());
                continue;
            }
            JasperDesign design;
            try {
                design = JRXmlLoader.load(template.toFile());
            } catch (JRException | RuntimeException e) {
                // Not a report the compiler can read (an unknown element is Jackson's runtime exception in
                // JasperReports 7): its check says why, at the file and line.
                continue;
            }
            problems.addAll(new Check(source.get(), bulletin.get(), design).problems());
            problems.addAll(labelProblems(source.get(), labels, labelFile, brokenPatterns));
        }
        brokenPatterns.forEach((key, problem) -> problems.add(problem));
        return problems;
    }

    static Optional<BulletinFields> bulletinOf(String relativePath) {
        return FieldCatalogue.ALL.stream().filter(b -> b.templates().stream()
                .anyMatch(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(relativePath))))
                .findFirst();
    }

    private static List<Path> templates(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList();
        }
    }

    /**
     * Labels the template reads that the label file lacks (inside a table Jasper prints them as {@code null}), and
     * labels whose text is no valid sentence pattern (reported once, at the label file's line).
     */
    private static List<String> labelProblems(TemplateSource source, ResourceBundle labels, Path labelFile,
                                              Map<String, String> brokenPatterns) {
        List<String> problems = new ArrayList<>();
        List<KeyUse> keys = new ArrayList<>();
        source.uses().stream().filter(u -> u.kind() == 'R').forEach(u -> keys.add(new KeyUse(u.name(), u.line(), "$R{" + u.name() + "}")));
        source.properties().stream().filter(p -> p.name().equals(JasperRenderer.SHEET_NAME_PROPERTY) && p.value() != null)
                .forEach(p -> keys.add(new KeyUse(p.value(), p.line(), "the sheet name (" + p.name() + ")")));
        for (KeyUse k : keys) {
            if (!labels.containsKey(k.key())) {
                problems.add(source.file() + ":" + k.line() + ": " + k.what() + " reads label '" + k.key() + "', which "
                        + labelFile + " does not have" + didYouMean(k.key(), labels)
                        + "; correct the key or add a line '" + k.key() + " = …' to the label file");
            } else if (!brokenPatterns.containsKey(k.key())) {
                String problem = Labels.patternProblem(labels.getString(k.key()));
                if (problem != null) {
                    int line = Labels.lineOf(labelFile, k.key());
                    brokenPatterns.put(k.key(), labelFile + ":" + Math.max(line, 1) + ": label '" + k.key() + "' (read at "
                            + source.file() + ":" + k.line() + ") is not a valid sentence pattern: " + problem);
                }
            }
        }
        return problems;
    }

    private record KeyUse(String key, int line, String what) {
    }

    /** The label keys one or two typing slips away, the likely intent. */
    private static String didYouMean(String key, ResourceBundle labels) {
        List<String> near = labels.keySet().stream().filter(k -> distance(k, key) <= 2).sorted().limit(3).toList();
        return near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near.stream().map(k -> "'" + k + "'").toList()) + "?)";
    }

    private static int distance(String a, String b) {
        // Far apart in length is far apart in spelling: no need to count.
        return Math.abs(a.length() - b.length()) > 2 ? 3 : vn.bantin.config.UnknownKey.distance(a, b);
    }

    /** One template against its bulletin's catalogue. */
    private static final class Check {
        private final TemplateSource source;
        private final BulletinFields bulletin;
        private final JasperDesign design;
        private final List<String> problems = new ArrayList<>();

        Check(TemplateSource source, BulletinFields bulletin, JasperDesign design) {
            this.source = source;
            this.bulletin = bulletin;
            this.design = design;
        }

        List<String> problems() {
            parameters(design.getMainDataset());
            String rows = design.getProperty(JasperRenderer.ROWS_PROPERTY);
            if (rows != null || design.getFields().length > 0) {
                fields(design.getMainDataset(), null, rows, "its rows (report property " + JasperRenderer.ROWS_PROPERTY + ")");
            }
            List<JRDatasetRun> runs = datasetRuns();
            for (JRDataset dataset : design.getDatasets()) {
                subDatasetParameters(dataset, runs);
                fields(dataset, dataset.getName(), dataset.getName(), "sub-dataset '" + dataset.getName() + "'");
            }
            return problems;
        }

        /**
         * The program passes values to the report only; a sub-dataset's own parameter gets one from the table or chart
         * that fills it ({@code <datasetRun>}'s {@code <parameter>}), or from its default.
         */
        private void subDatasetParameters(JRDataset dataset, List<JRDatasetRun> runs) {
            for (JRParameter p : dataset.getParameters()) {
                boolean given = p.isSystemDefined() || p.getDefaultValueExpression() != null || runs.stream()
                        .filter(r -> dataset.getName().equals(r.getDatasetName()))
                        .anyMatch(r -> Arrays.stream(r.getParameters()).anyMatch(a -> a.getName().equals(p.getName())));
                if (!given) {
                    problems.add(at("parameter", dataset.getName(), p.getName()) + "parameter '" + p.getName()
                            + "' of sub-dataset '" + dataset.getName() + "' gets no value, so it would print as null: pass it"
                            + " from the table or chart filled from it (<datasetRun subDataset=\"" + dataset.getName()
                            + "\"> with <parameter name=\"" + p.getName() + "\">), or give it a default");
                }
            }
        }

        private String at(String kind, String dataset, String name) {
            int line = source.declaration(kind, dataset, name).map(TemplateSource.Declaration::line)
                    .orElseGet(() -> Math.max(1, source.lineWith("name=\"" + name + "\"")));
            return source.file() + ":" + line + ": ";
        }

        /** The report's own parameters: each one the program passes, in a type that holds it. */
        private void parameters(JRDataset dataset) {
            for (JRParameter p : dataset.getParameters()) {
                if (p.isSystemDefined()) {
                    continue;
                }
                Optional<TemplateField> declared = bulletin.parameter(p.getName());
                String at = at("parameter", null, p.getName());
                if (p.getDefaultValueExpression() != null) {
                    declared.ifPresent(d -> problems.add(at + "parameter '" + p.getName() + "'"
                            + " has a default value, but the program always passes " + p.getName()
                            + ", so it never applies; give the template's own parameter another name"));
                } else if (declared.isEmpty()) {
                    problems.add(at + "parameter '" + p.getName() + "'" + " is not one the program passes"
                            + " to the " + bulletin.name() + " bulletin, so it would print as null (templates/PARAMETERS.md"
                            + " lists what it passes)");
                } else {
                    type(at, declared.get(), p.getValueClass(), "parameter '" + p.getName() + "'");
                }
            }
        }

        private void fields(JRDataset dataset, String datasetName, String listName, String what) {
            Optional<TemplateField> list = listName == null ? Optional.empty()
                    : bulletin.parameter(listName).filter(l -> !l.rowFields().isEmpty());
            if (list.isEmpty()) {
                int line = datasetName == null ? 1 : Math.max(1, source.lineWith("<dataset name=\"" + datasetName + "\""));
                problems.add(source.file() + ":" + line + ": " + what + " should read a list of the " + bulletin.name()
                        + " bulletin, but '" + listName + "' is none (a sub-dataset bears the name of the list it reads)");
                return;
            }
            for (JRField f : dataset.getFields()) {
                Optional<TemplateField> declared = list.get().rowFields().stream()
                        .filter(r -> r.name().equals(f.getName())).findFirst();
                String at = at("field", datasetName, f.getName());
                if (declared.isEmpty()) {
                    problems.add(at + "field '" + f.getName() + "' of " + what + " is not a field of the rows of "
                            + listName + ", so it would print as null; the rows have " + list.get().rowFields().stream()
                                    .map(TemplateField::name).toList() + " (templates/PARAMETERS.md)");
                } else {
                    type(at, declared.get(), f.getValueClass(), "field '" + f.getName() + "' of " + what);
                }
            }
        }

        private void type(String at, TemplateField declared, Class<?> inTemplate, String what) {
            if (!inTemplate.isAssignableFrom(declared.type().javaClass())) {
                problems.add(at + what + " is declared " + inTemplate.getName() + ", but the program passes a "
                        + declared.type().javaClass().getName());
            }
        }

        /** Tables and charts, also inside frames; JRElementsVisitor passes charts to chart visitors only. */
        private static void collectRuns(JRElement[] elements, List<JRDatasetRun> runs) {
            for (JRElement e : elements) {
                JRDatasetRun run = null;
                if (e instanceof JRChart chart && chart.getDataset() != null) {
                    run = chart.getDataset().getDatasetRun();
                } else if (e instanceof JRComponentElement c && c.getComponent() instanceof DatasetRunHolder holder) {
                    run = holder.getDatasetRun();
                } else if (e instanceof JRComponentElement c && c.getComponent() instanceof ChartComponent chart
                        && chart.getDataset() != null) {
                    run = chart.getDataset().getDatasetRun();
                } else if (e instanceof JRElementGroup group) {
                    collectRuns(group.getElements(), runs);
                }
                if (run != null) {
                    runs.add(run);
                }
            }
        }

        /**
         * The tables and charts that fill a sub-dataset. One named after one list but filled from another would be
         * checked against the wrong fields.
         */
        private List<JRDatasetRun> datasetRuns() {
            List<JRDatasetRun> runs = new ArrayList<>();
            for (JRBand band : design.getAllBands()) {
                if (band != null) {
                    collectRuns(band.getElements(), runs);
                }
            }
            for (JRDatasetRun run : runs) {
                String sourceText = run.getDataSourceExpression() == null ? "" : run.getDataSourceExpression().getText();
                Matcher read = LIST_READ.matcher(sourceText);
                if (!read.find() || !read.group(1).equals(run.getDatasetName())) {
                    int line = source.expression(sourceText).map(TemplateSource.Expression::line)
                            .orElseGet(() -> Math.max(1, source.lineWith("subDataset=\"" + run.getDatasetName() + "\"")));
                    problems.add(source.file() + ":" + line + ": sub-dataset '" + run.getDatasetName() + "' is filled from '"
                            + sourceText.strip() + "'; fill it from the list it is named after, $P{" + run.getDatasetName() + "}");
                }
            }
            return runs;
        }
    }
}
