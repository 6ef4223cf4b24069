package vn.bantin.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

/**
 * A chart customizer for a count axis: ticks at whole numbers only. Without it JFreeChart picks steps such as 2.5,
 * which a {@code #,##0} mask prints as "2, 5, 8". A template names it with
 * {@code customizerClass="vn.bantin.report.WholeNumberAxis"} on a bar chart.
 */
public final class WholeNumberAxis implements JRChartCustomizer {
    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRangeAxis() instanceof NumberAxis axis) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
    }
}
