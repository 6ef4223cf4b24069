package vn.bantin.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A line chart of percentages over periods as inline SVG, made on the server: no script, scales with the page
 * (viewBox), every text escaped. A period without a snapshot is a gap in its line, never a 0.
 */
final class TrendChart {
    private static final String[] COLOURS = {"#1f5fa8", "#c0392b", "#27864a", "#8e44ad"};
    private static final int W = 520;
    private static final int H = 260;
    private static final int LEFT = 50; // room for "100%" at the left axis
    private static final int RIGHT = 30;
    private static final int TOP = 10;
    private static final int BOTTOM = 44;

    private TrendChart() {
    }

    static String svg(List<String> periods, Map<String, List<Double>> series, Map<String, String> names, String title) {
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(H + 20 * series.size())
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = TOP + plotH - plotH * pct / 100.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, y, W - RIGHT, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"14\" text-anchor=\"end\">%d%%</text>", LEFT - 4, y + 4, pct));
        }
        int n = periods.size();
        double step = n > 1 ? plotW / (double) (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            if (i % 2 == (n - 1) % 2) {
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">%s</text>",
                        LEFT + i * step, H - BOTTOM + 16, esc(periods.get(i))));
            }
        }
        int k = 0;
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            List<Double> values = e.getValue();
            for (int i = 0; i < values.size(); i++) {
                Double v = values.get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = LEFT + i * step;
                double y = TOP + plotH - plotH * Math.max(0, Math.min(100, v)) / 100.0;
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %.1f%%</title></circle>",
                        x, y, colour, esc(names.get(e.getKey())), esc(periods.get(i)), v));
                pen = true;
            }
            if (path.length() > 0) {
                b.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"/>");
            }
            int ly = H + 20 * k;
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>", LEFT, ly - 4, colour));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"15\">%s</text>", LEFT + 20, ly, esc(names.get(e.getKey()))));
            k++;
        }
        return b.append("</svg>").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
