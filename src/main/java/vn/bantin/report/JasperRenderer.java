package vn.bantin.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.sf.jasperreports.engine.DatasetPropertyExpression;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRDataset;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRFiller;
import net.sf.jasperreports.engine.fill.ReportFiller;
import net.sf.jasperreports.engine.export.ooxml.JRDocxExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.util.MarkupProcessorFactory;
import net.sf.jasperreports.export.ExporterInputItem;
import net.sf.jasperreports.export.SimpleDocxExporterConfiguration;
import net.sf.jasperreports.export.SimpleDocxReportConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleExporterInputItem;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.governors.MaxPagesGovernorException;
import net.sf.jasperreports.governors.TimeoutGovernorException;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills the bulletin templates with the figures of a run and writes the PDF and the workbook.
 *
 * <p>The templates folder holds {@code province.jrxml} (the PDF) and {@code workbook/*.jrxml}
 * (one template per sheet, in file-name order; a sheet whose {@code bantin.sheet.when} parameter is not true is
 * left out), and for the unit bulletin {@code unit.jrxml} and
 * {@code unit-workbook/*.jrxml}, made the same way. Parameters follow templates/PARAMETERS.md;
 * the labels become {@code REPORT_RESOURCE_BUNDLE}, so every word comes from the label file.
 *
 * <p>Each output is written beside its final name and moved into place when complete (see
 * {@link AtomicFile}); a PDF whose fonts are not all embedded never reaches its final name.
 */
public final class JasperRenderer {

    static final String PROVINCE_TEMPLATE = "province.jrxml";
    static final String WORKBOOK_FOLDER = "workbook";
    static final String UNIT_TEMPLATE = "unit.jrxml";
    static final String UNIT_WORKBOOK_FOLDER = "unit-workbook";
    /** Report property of a sheet template: the list parameter whose rows become the sheet's rows. */
    static final String ROWS_PROPERTY = "bantin.rows";
    /** Report property of a sheet template: the label key of the sheet's name. */
    static final String SHEET_NAME_PROPERTY = "bantin.sheet.name";
    /** Report property of a sheet template: a Boolean parameter; the sheet is left out unless it is true. */
    static final String SHEET_WHEN_PROPERTY = "bantin.sheet.when";
    /** Label key of the locale the templates format numbers with, e.g. vi-VN. */
    static final String LOCALE_LABEL = "bulletin.locale";

    private static final Logger log = LoggerFactory.getLogger(JasperRenderer.class);
    private static final int EXCEL_SHEET_NAME_MAX = 31;
    /** Report properties that would lift a limit of {@link TemplateFolder}: the service's to set, not a template's. */
    private static final List<String> SERVICE_PROPERTIES = List.of("net.sf.jasperreports.governor.",
            MarkupProcessorFactory.PROPERTY_MARKUP_PROCESSOR_FACTORY_PREFIX, "net.sf.jasperreports.data.adapter");

    private final Path templatesDir;
    private final TemplateCache templates;
    private final JasperReportsContext context;
    private final TemplateLimits limits;
    private final Map<Path, String> used = new ConcurrentHashMap<>();
    /** Template contents (SHA-256) whose own font settings were found embeddable: checked once, not per bulletin. */
    private final java.util.Set<String> fontsChecked = ConcurrentHashMap.newKeySet();

    public JasperRenderer(Path templatesDir) {
        this(templatesDir, new TemplateCache());
    }

    public JasperRenderer(Path templatesDir, TemplateCache templates) {
        this(templatesDir, templates, TemplateLimits.DEFAULT);
    }

    public JasperRenderer(Path templatesDir, TemplateCache templates, TemplateLimits limits) {
        this.templatesDir = templatesDir;
        this.templates = templates;
        this.limits = limits;
        this.context = TemplateFolder.context(templatesDir, limits);
    }

    /** The compiled templates (shared with other renderers of the same process). */
    public TemplateCache templates() {
        return templates;
    }

    /** Each template this renderer compiled or filled, with the SHA-256 of the content it used, for the run record. */
    public Map<Path, String> usedTemplates() {
        return Map.copyOf(used);
    }

    /**
     * Compiles every template of the province bulletin (from the cache when unchanged), so that a broken template
     * stops its bulletin before any data is read.
     */
    public void compileProvince() {
        compiled(templatesDir.resolve(PROVINCE_TEMPLATE));
        workbookTemplates(WORKBOOK_FOLDER).forEach(this::compiled);
    }

    /** The same for the unit bulletin's templates. */
    public void compileUnit() {
        compiled(templatesDir.resolve(UNIT_TEMPLATE));
        workbookTemplates(UNIT_WORKBOOK_FOLDER).forEach(this::compiled);
    }

    /**
     * The template's font settings (its styles' included) name only fonts that are embedded. They are read from its
     * source, which is the same for every bulletin of a run: once per content, not once for each of 154 units.
     */
    private void requireEmbeddableFonts(Path template) {
        String hash = templates.hashOf(template);
        if (hash == null || !fontsChecked.contains(hash)) {
            FillProblems.requireEmbeddableFonts(templatesDir, template);
            if (hash != null) {
                fontsChecked.add(hash);
            }
        }
    }

    private JasperReport compiled(Path template) {
        try {
            return templates.get(template);
        } finally {
            String hash = templates.hashOf(template);
            if (hash != null) {
                used.put(template.toAbsolutePath().normalize(), hash);
            }
        }
    }

    public void renderProvincePdf(Map<String, Object> params, ResourceBundle labels, Path pdf) {
        renderPdf(PROVINCE_TEMPLATE, params, labels, pdf);
    }

    /** The filled bulletin, before export (tests inspect it for text cut off by a too small box). */
    JasperPrint fillProvince(Map<String, Object> params, ResourceBundle labels) {
        return fillOnce(PROVINCE_TEMPLATE, params, labels);
    }

    public void renderProvinceXlsx(Map<String, Object> params, ResourceBundle labels, Path xlsx) {
        renderXlsx(WORKBOOK_FOLDER, params, labels, xlsx);
    }

    /** One unit's bulletin; its parameters are those of {@link UnitParameters}. */
    public void renderUnitPdf(Map<String, Object> params, ResourceBundle labels, Path pdf) {
        renderPdf(UNIT_TEMPLATE, params, labels, pdf);
    }

    /** The filled unit bulletin, before export. */
    JasperPrint fillUnit(Map<String, Object> params, ResourceBundle labels) {
        return fillOnce(UNIT_TEMPLATE, params, labels);
    }

    public void renderUnitXlsx(Map<String, Object> params, ResourceBundle labels, Path xlsx) {
        renderXlsx(UNIT_WORKBOOK_FOLDER, params, labels, xlsx);
    }

    /**
     * The province bulletin in each of {@code formats}, as {@code dir/stem.pdf} (and {@code .xlsx}, {@code .docx});
     * returns the files in that order. The PDF and the Word document come from one fill, so they say the same.
     */
    public List<Path> renderProvince(Map<String, Object> params, ResourceBundle labels, OutputFormats formats, Path dir,
                                     String stem) {
        return renderAll(PROVINCE_TEMPLATE, WORKBOOK_FOLDER, params, labels, formats, dir, stem);
    }

    /** The same for one unit's bulletin. */
    public List<Path> renderUnit(Map<String, Object> params, ResourceBundle labels, OutputFormats formats, Path dir,
                                 String stem) {
        return renderAll(UNIT_TEMPLATE, UNIT_WORKBOOK_FOLDER, params, labels, formats, dir, stem);
    }

    private List<Path> renderAll(String templateName, String workbookFolder, Map<String, Object> params,
                                 ResourceBundle labels, OutputFormats formats, Path dir, String stem) {
        List<Path> files = formats.files(dir, stem);
        Path docx = formats.has(OutputFormats.Format.DOCX) ? dir.resolve(stem + ".docx") : null;
        renderPdf(templateName, params, labels, files.get(0), docx);
        if (formats.has(OutputFormats.Format.XLSX)) {
            renderXlsx(workbookFolder, params, labels, dir.resolve(stem + ".xlsx"));
        }
        return files;
    }

    private void renderPdf(String templateName, Map<String, Object> params, ResourceBundle labels, Path pdf) {
        renderPdf(templateName, params, labels, pdf, null);
    }

    /** {@code docx} null: the PDF only. */
    private void renderPdf(String templateName, Map<String, Object> params, ResourceBundle labels, Path pdf, Path docx) {
        Path template = templatesDir.resolve(templateName);
        JasperPrint print = fillOnce(templateName, params, labels);
        if (print.getPages().isEmpty()) {
            // A template whose bands all print nothing (whenNoDataType, a false printWhen) gives an empty PDF.
            throw ReportException.inTemplate(template, "printed no page, so there is nothing to send", null);
        }
        AtomicFile.writeRendered(pdf, out -> exportPdf(template, print, labels, out), written -> {
            requireEmbeddedFonts(template, written);
            requireEmbeddableFonts(template);
        });
        log.info("Wrote {} ({} pages)", pdf, print.getPages().size());
        if (docx != null) {
            AtomicFile.writeRendered(docx, out -> exportDocx(template, print, labels, out), written -> { });
            log.info("Wrote {}", docx);
        }
    }

    private JasperPrint fillOnce(String templateName, Map<String, Object> params, ResourceBundle labels) {
        Path template = templatesDir.resolve(templateName);
        JasperReport report = compiled(template);
        // One empty record: each detail band of the bulletin prints once, in order.
        return fill(template, report, fillParameters(params, labels), new JREmptyDataSource(1));
    }

    private void renderXlsx(String folder, Map<String, Object> params, ResourceBundle labels, Path xlsx) {
        List<ExporterInputItem> sheets = new ArrayList<>();
        List<String> sheetNames = new ArrayList<>();
        for (Path template : workbookTemplates(folder)) {
            JasperReport report = compiled(template);
            String when = report.getProperty(SHEET_WHEN_PROPERTY);
            if (when != null && !Boolean.TRUE.equals(params.get(when))) {
                continue; // e.g. the 766 sheet of a province whose exports carry no 766 column
            }
            sheetNames.add(sheetName(template, report, labels, sheetNames));
            Map<String, Object> parameters = fillParameters(params, labels);
            // One clean sheet per template: no page headers or breaks inside the rows.
            parameters.put(JRParameter.IS_IGNORE_PAGINATION, Boolean.TRUE);
            sheets.add(new SimpleExporterInputItem(fill(template, report, parameters, rows(template, report, params))));
        }
        AtomicFile.writeRendered(xlsx, out -> exportXlsx(folder, sheets, sheetNames, out), written -> { });
        log.info("Wrote {} (sheets {})", xlsx, sheetNames);
    }

    private void requireEmbeddedFonts(Path template, Path pdf) {
        Set<String> notEmbedded = PdfFontCheck.nonEmbeddedFonts(pdf);
        if (!notEmbedded.isEmpty()) {
            throw FillProblems.fontsNotEmbedded(templatesDir, template, notEmbedded);
        }
    }

    private Map<String, Object> fillParameters(Map<String, Object> params, ResourceBundle labels) {
        Map<String, Object> parameters = new HashMap<>(params);
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels);
        parameters.put(JRParameter.REPORT_LOCALE, locale(labels));
        return parameters;
    }

    private static Locale locale(ResourceBundle labels) {
        return Locale.forLanguageTag(labels.containsKey(LOCALE_LABEL) ? labels.getString(LOCALE_LABEL).strip() : "vi-VN");
    }

    private JasperPrint fill(Path template, JasperReport report, Map<String, Object> parameters, JRDataSource data) {
        requireDeclaredTypes(template, report, parameters);
        requireOwnLimits(template, report);
        ReportFiller filler;
        try {
            filler = JRFiller.createReportFiller(context, report);
        } catch (JRException | JRRuntimeException e) {
            throw ReportException.inTemplate(template, "cannot be filled", e);
        }
        JasperPrint print = FillGuard.run(template, limits.fillTimeout(), () -> fill(template, filler, parameters, data),
                filler::cancelFill);
        // The last line of defence: a slip Jasper does not stop at prints "null", "{0}" or "$R{…}"; no such bulletin leaves.
        List<FilledTexts.Unfilled> unfilled = FilledTexts.unfilled(print);
        if (!unfilled.isEmpty()) {
            throw FillProblems.unfilled(template, report, unfilled);
        }
        return print;
    }

    private JasperPrint fill(Path template, ReportFiller filler, Map<String, Object> parameters, JRDataSource data) {
        try {
            return filler.fill(parameters, data);
        } catch (JRException | JRRuntimeException | MissingResourceException | ClassCastException e) {
            // The governors throw from inside a table's or subreport's own fill too, wrapped.
            if (causeOfType(e, MaxPagesGovernorException.class) != null) {
                throw ReportException.inTemplate(template, "prints more than " + limits.maxPages()
                        + " pages (templates.max-pages in config/bantin.properties), so it was stopped", null);
            }
            if (causeOfType(e, TimeoutGovernorException.class) != null) {
                throw ReportException.inTemplate(template, "was still being filled after " + limits.fillTimeout().toSeconds()
                        + " s (templates.fill-timeout in config/bantin.properties), so it was stopped", null);
            }
            throw FillProblems.fillFailure(templatesDir, template, (ResourceBundle) parameters.get(JRParameter.REPORT_RESOURCE_BUNDLE), e);
        }
    }

    /**
     * The limits are the service's: a template that set JasperReports' governors, named a markup processor or a data
     * adapter in its own properties would lift them.
     */
    private static void requireOwnLimits(Path template, JasperReport report) {
        List<JRDataset> datasets = new ArrayList<>(List.of(report.getMainDataset()));
        if (report.getDatasets() != null) {
            datasets.addAll(List.of(report.getDatasets()));
        }
        List<String> names = new ArrayList<>(report.hasProperties() ? List.of(report.getPropertiesMap().getPropertyNames()) : List.of());
        for (JRDataset dataset : datasets) {
            if (dataset.hasProperties()) {
                names.addAll(List.of(dataset.getPropertiesMap().getPropertyNames()));
            }
            if (dataset.getPropertyExpressions() != null) {
                for (DatasetPropertyExpression expression : dataset.getPropertyExpressions()) {
                    names.add(expression.getName());
                }
            }
        }
        for (String name : names) {
            if (SERVICE_PROPERTIES.stream().anyMatch(name::startsWith)) {
                throw ReportException.inTemplate(template, "sets property " + name + ", which a template may not set;"
                        + " page and time limits are set in config/bantin.properties (templates.max-pages,"
                        + " templates.fill-timeout)", null);
            }
        }
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Jasper would only fail later, deep inside an expression, with a bare ClassCastException. */
    private static void requireDeclaredTypes(Path template, JasperReport report, Map<String, Object> parameters) {
        for (JRParameter declared : report.getParameters()) {
            Object value = parameters.get(declared.getName());
            if (!declared.isSystemDefined() && value != null && !declared.getValueClass().isInstance(value)) {
                throw new ReportException(template, "Template " + template + ": parameter '" + declared.getName() + "' must be a "
                        + declared.getValueClassName() + " but is a " + value.getClass().getName() + " (\"" + brief(value)
                        + "\"); see templates/PARAMETERS.md", null);
            }
        }
    }

    private static String brief(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private List<Path> workbookTemplates(String folderName) {
        Path folder = templatesDir.resolve(folderName);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sheets = files.filter(f -> f.getFileName().toString().endsWith(".jrxml")).sorted().toList();
            if (sheets.isEmpty()) {
                throw new ReportException("Workbook folder " + folder + " has no .jrxml sheet templates.");
            }
            return sheets;
        } catch (NoSuchFileException e) {
            throw new ReportException("Workbook folder " + folder + " not found: it must hold one .jrxml template per sheet.", e);
        } catch (IOException e) {
            throw new ReportException("Workbook folder " + folder + " cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Excel refuses (or "repairs") a workbook whose sheet names are too long, repeated or use : \ / ? * [ ]. */
    private static String sheetName(Path template, JasperReport report, ResourceBundle labels, List<String> taken) {
        String key = report.getProperty(SHEET_NAME_PROPERTY);
        if (key == null) {
            throw ReportException.inTemplate(template, "has no property " + SHEET_NAME_PROPERTY
                    + " giving the label key of its sheet name", null);
        }
        String name;
        try {
            name = labels.getString(key).strip();
        } catch (MissingResourceException e) {
            throw ReportException.inTemplate(template, "names its sheet with label '" + key
                    + "', which the label file does not have", null);
        }
        if (name.isEmpty() || name.length() > EXCEL_SHEET_NAME_MAX || name.matches(".*[:\\\\/?*\\[\\]].*")) {
            throw new ReportException(template, "Label '" + key + "' = '" + name + "' cannot be a sheet name: use 1 to "
                    + EXCEL_SHEET_NAME_MAX + " characters and none of : \\ / ? * [ ]", null);
        }
        Set<String> lowerCase = new HashSet<>();
        taken.forEach(t -> lowerCase.add(t.toLowerCase(Locale.ROOT)));
        if (lowerCase.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ReportException(template, "Label '" + key + "' = '" + name + "' repeats the name of another sheet.", null);
        }
        return name;
    }

    /** The rows of a sheet: the list parameter its template names, or a single record for a sheet without one. */
    @SuppressWarnings("unchecked")
    private static JRDataSource rows(Path template, JasperReport report, Map<String, Object> params) {
        String key = report.getProperty(ROWS_PROPERTY);
        if (key == null) {
            return new JREmptyDataSource(1);
        }
        Object rows = params.get(key);
        if (rows == null) {
            return new JRMapCollectionDataSource(List.of());
        }
        if (!(rows instanceof Collection<?> collection)) {
            throw ReportException.inTemplate(template, "takes its rows from parameter '" + key
                    + "', which must be a list of maps but is a " + rows.getClass().getSimpleName(), null);
        }
        return new JRMapCollectionDataSource((Collection<Map<String, ?>>) collection);
    }

    private void exportPdf(Path template, JasperPrint print, ResourceBundle labels, OutputStream out) {
        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(labels.containsKey("report.title") ? labels.getString("report.title") : print.getName());
        configuration.setDisplayMetadataTitle(true);
        configuration.setMetadataCreator("bantin");
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException | JRRuntimeException e) {
            throw ReportException.inTemplate(template, "cannot be exported to PDF", e);
        }
    }

    /**
     * Word's own layout: each page a table whose cells hold the texts, tables and frames as tables nested in it, rows
     * that grow with an edited text, line breaks as paragraphs; never text boxes placed at fixed points.
     */
    private void exportDocx(Path template, JasperPrint print, ResourceBundle labels, OutputStream out) {
        JRDocxExporter exporter = new JRDocxExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimpleDocxReportConfiguration report = new SimpleDocxReportConfiguration();
        report.setFramesAsNestedTables(true);
        report.setFlexibleRowHeight(true);
        report.setNewLineAsParagraph(true);
        exporter.setConfiguration(report);
        SimpleDocxExporterConfiguration document = new SimpleDocxExporterConfiguration();
        document.setMetadataTitle(labels.containsKey("report.title") ? labels.getString("report.title") : print.getName());
        document.setMetadataApplication("bantin");
        exporter.setConfiguration(document);
        try {
            exporter.exportReport();
        } catch (JRException | JRRuntimeException e) {
            throw ReportException.inTemplate(template, "cannot be exported to DOCX", e);
        }
    }

    private void exportXlsx(String folder, List<ExporterInputItem> sheets, List<String> sheetNames, OutputStream out) {
        JRXlsxExporter exporter = new JRXlsxExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(sheets));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
        configuration.setSheetNames(sheetNames.toArray(String[]::new));
        configuration.setOnePagePerSheet(false);
        configuration.setDetectCellType(true); // numbers stay numbers, with the template's pattern as cell format
        configuration.setRemoveEmptySpaceBetweenRows(true);
        configuration.setRemoveEmptySpaceBetweenColumns(true);
        configuration.setWhitePageBackground(false);
        configuration.setCollapseRowSpan(false);
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException | JRRuntimeException e) {
            throw new ReportException("Workbook sheets " + sheetNames + " (" + folder
                    + "/*.jrxml) cannot be exported to XLSX: " + e.getMessage(), e);
        }
    }
}
