package vn.bantin.report;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.sf.jasperreports.components.charts.ChartComponent;
import net.sf.jasperreports.charts.JRChart;
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
 * Holds the templates of a folder to {@link FieldCatalogue}: every parameter and field a template declares must be
 * one the program passes, with a type the template can hold it in. Returns each mismatch as a sentence naming the
 * template, so one test run lists them all.
 */
final class TemplateDeclarations {
    private static final Pattern LIST_READ = Pattern.compile("\\$P\\{(\\w+)}");

    private TemplateDeclarations() {
    }

    static List<String> problems(Path templatesDir) throws IOException, JRException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates(templatesDir)) {
            String relative = templatesDir.relativize(template).toString().replace('\\', '/');
            Optional<BulletinFields> bulletin = bulletinOf(relative);
            if (bulletin.isEmpty()) {
                problems.add(relative + " is not a template of any bulletin in FieldCatalogue "
                        + FieldCatalogue.ALL.stream().map(BulletinFields::templates).toList());
                continue;
            }
            problems.addAll(new Check(relative, bulletin.get(), JRXmlLoader.load(template.toFile())).problems());
        }
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

    /** One template against its bulletin's catalogue. */
    private static final class Check {
        private final String template;
        private final BulletinFields bulletin;
        private final JasperDesign design;
        private final List<String> problems = new ArrayList<>();

        Check(String template, BulletinFields bulletin, JasperDesign design) {
            this.template = template;
            this.bulletin = bulletin;
            this.design = design;
        }

        List<String> problems() {
            parameters(design.getMainDataset(), "");
            String rows = design.getProperty(JasperRenderer.ROWS_PROPERTY);
            if (rows != null || design.getFields().length > 0) {
                fields(design.getMainDataset(), rows, "its rows (report property " + JasperRenderer.ROWS_PROPERTY + ")");
            }
            for (JRDataset dataset : design.getDatasets()) {
                String where = " of sub-dataset '" + dataset.getName() + "'";
                parameters(dataset, where);
                fields(dataset, dataset.getName(), "sub-dataset '" + dataset.getName() + "'");
            }
            datasetRuns();
            return problems;
        }

        private void parameters(JRDataset dataset, String where) {
            for (JRParameter p : dataset.getParameters()) {
                if (p.isSystemDefined()) {
                    continue;
                }
                Optional<TemplateField> declared = bulletin.parameter(p.getName());
                if (p.getDefaultValueExpression() != null) {
                    declared.ifPresent(d -> problems.add(template + ": parameter '" + p.getName() + "'" + where
                            + " has a default value, but the program always passes " + p.getName()
                            + ", so it never applies; give the template's own parameter another name"));
                } else if (declared.isEmpty()) {
                    problems.add(template + ": parameter '" + p.getName() + "'" + where + " is not one the program passes"
                            + " to the " + bulletin.name() + " bulletin (templates/PARAMETERS.md)");
                } else {
                    type(declared.get(), p.getValueClass(), "parameter '" + p.getName() + "'" + where);
                }
            }
        }

        private void fields(JRDataset dataset, String listName, String what) {
            Optional<TemplateField> list = listName == null ? Optional.empty()
                    : bulletin.parameter(listName).filter(l -> !l.rowFields().isEmpty());
            if (list.isEmpty()) {
                problems.add(template + ": " + what + " should read a list of the " + bulletin.name() + " bulletin, but '"
                        + listName + "' is none (a sub-dataset bears the name of the list it reads)");
                return;
            }
            for (JRField f : dataset.getFields()) {
                Optional<TemplateField> declared = list.get().rowFields().stream()
                        .filter(r -> r.name().equals(f.getName())).findFirst();
                if (declared.isEmpty()) {
                    problems.add(template + ": field '" + f.getName() + "' of " + what + " is not a field of the rows of "
                            + listName + " (templates/PARAMETERS.md)");
                } else {
                    type(declared.get(), f.getValueClass(), "field '" + f.getName() + "' of " + what);
                }
            }
        }

        private void type(TemplateField declared, Class<?> inTemplate, String what) {
            if (!inTemplate.isAssignableFrom(declared.type().javaClass())) {
                problems.add(template + ": " + what + " is declared " + inTemplate.getName() + ", but the program passes a "
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

        /** A sub-dataset named after one list but filled from another would be checked against the wrong fields. */
        private void datasetRuns() {
            List<JRDatasetRun> runs = new ArrayList<>();
            for (JRBand band : design.getAllBands()) {
                if (band != null) {
                    collectRuns(band.getElements(), runs);
                }
            }
            for (JRDatasetRun run : runs) {
                String source = run.getDataSourceExpression() == null ? "" : run.getDataSourceExpression().getText();
                Matcher read = LIST_READ.matcher(source);
                if (!read.find() || !read.group(1).equals(run.getDatasetName())) {
                    problems.add(template + ": sub-dataset '" + run.getDatasetName() + "' is filled from '" + source.strip()
                            + "'; fill it from the list it is named after, $P{" + run.getDatasetName() + "}");
                }
            }
        }
    }
}
