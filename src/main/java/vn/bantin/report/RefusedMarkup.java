package vn.bantin.report;

import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.util.MarkupProcessor;
import net.sf.jasperreports.engine.util.MarkupProcessorFactory;

/**
 * Stands in for JasperReports' HTML and RTF markup, which parse text with Swing's editor kits: an HTML
 * {@code <link rel="stylesheet" href="http://…">} makes Swing fetch the URL itself, past every rule of
 * {@link TemplateFolder}. A template formats text with {@code markup="styled"} instead.
 */
public final class RefusedMarkup implements MarkupProcessorFactory {

    @Override
    public MarkupProcessor createMarkupProcessor() {
        return text -> {
            throw new JRRuntimeException("a text element uses markup=\"html\" or markup=\"rtf\", which a template may not"
                    + " use (they can fetch URLs); use markup=\"styled\" (<b>, <i>, <style>) instead");
        };
    }
}
