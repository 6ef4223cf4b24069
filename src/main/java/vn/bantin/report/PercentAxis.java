package vn.bantin.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

/**
 * A chart customizer for a rate axis in percent: ticks every 10 points up to the axis maximum of the template (100%)
 * and none beyond, with a little room above it so that the value label of a full bar ("99,11%") is not cut off. A
 * template names it with {@code customizerClass="vn.bantin.report.PercentAxis"} on a bar chart whose
 * {@code rangeAxisMaxValueExpression} is the cap.
 */
public final class PercentAxis implements JRChartCustomizer {
    static final double STEP = 10;
    /** Room above the cap for the value labels, as a share of a step: less than one step, so no tick is drawn there. */
    static final double HEADROOM = 0.8;

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRangeAxis() instanceof NumberAxis axis) {
            double cap = axis.getUpperBound();
            axis.setTickUnit(new NumberTickUnit(STEP), false, false);
            axis.setRange(axis.getLowerBound(), cap + STEP * HEADROOM);
        }
    }
}
