package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import net.sf.jasperreports.charts.util.ChartUtil;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;

/**
 * Chart 3 counts feedback: whole-number ticks only (not 2,5 printed as "2"); charts 1 and 2 are rates: no tick beyond
 * 100%. Each customizer is checked on the ticks JFreeChart would draw, and the deployed province.jrxml is checked to
 * use them on its charts.
 */
class ChartAxesTest {

    private static List<Double> ticks(JFreeChart chart, RectangleEdge edge, Rectangle2D area) {
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        Graphics2D g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<?> all = axis.refreshTicks(g2, new AxisState(), area, edge);
        return all.stream().map(NumberTick.class::cast)
                .filter(t -> t.getTickType() == TickType.MAJOR).map(NumberTick::getValue).toList(); // the labelled ones
    }

    private static JFreeChart bars(PlotOrientation orientation, double... values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < values.length; i++) {
            data.addValue(values[i], "s", "c" + i);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, null, data, orientation, false, false, false);
        // as JasperReports' default chart theme sets the axis up, before any customizer runs
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(
                ChartUtil.getInstance(DefaultJasperReportsContext.getInstance()).createStandardTickUnits(Locale.forLanguageTag("vi-VN")));
        return chart;
    }

    @Test
    void theCountAxisOfChart3TicksAtWholeNumbersOnly() {
        JFreeChart chart = bars(PlotOrientation.HORIZONTAL, 12, 9, 7, 5, 3);
        new WholeNumberAxis().customize(chart, null);
        List<Double> ticks = ticks(chart, RectangleEdge.TOP, new Rectangle2D.Double(0, 0, 250, 200));
        assertTrue(ticks.size() > 2, ticks.toString());
        assertTrue(ticks.stream().allMatch(t -> t == Math.rint(t)), "whole numbers only: " + ticks);
    }

    @Test
    void theRateAxesStopAt100Percent() {
        JFreeChart chart = bars(PlotOrientation.VERTICAL, 99.11, 90, 96.54);
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        axis.setRange(0, 100); // rangeAxisMin/MaxValueExpression of the template
        new PercentAxis().customize(chart, null);
        List<Double> ticks = ticks(chart, RectangleEdge.LEFT, new Rectangle2D.Double(0, 0, 400, 150));
        assertEquals(100.0, ticks.get(ticks.size() - 1), "the last tick is 100%: " + ticks);
        assertTrue(axis.getUpperBound() > 100, "room above 100% for the label of a full bar");
    }

    @Test
    void theDeployedProvinceTemplateUsesThemWithTheCapAt100() throws Exception {
        String jrxml = Files.readString(Path.of("templates/province.jrxml"));
        Matcher charts = Pattern.compile("<element kind=\"chart\"[^>]*>").matcher(jrxml);
        List<String> customizers = charts.results().map(r -> {
            Matcher c = Pattern.compile("customizerClass=\"([^\"]+)\"").matcher(r.group());
            return c.find() ? c.group(1) : "none";
        }).toList();
        // the three charts of the 2022 bulletin, then the Decision 766 group scores (as a share of each group's points)
        assertEquals(List.of(PercentAxis.class.getName(), PercentAxis.class.getName(), WholeNumberAxis.class.getName(),
                PercentAxis.class.getName()), customizers);
        assertEquals(3, jrxml.split("<rangeAxisMaxValueExpression><!\\[CDATA\\[100.0]]>", -1).length - 1);
        assertTrue(!jrxml.contains("110.0"), "no axis runs to 110%");
    }
}
