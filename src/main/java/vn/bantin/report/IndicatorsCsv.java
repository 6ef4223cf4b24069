package vn.bantin.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.bantin.indicator.Figure;
import vn.bantin.indicator.IndicatorRow;
import vn.bantin.indicator.Period;

/** Writes {@code indicators.csv} in the format of spec/indicators.md, with indicators-766 §9's two columns at the end. */
public final class IndicatorsCsv {
    public static final String[] HEADER = {"period_start", "period_end", "indicator", "scope", "scope_code", "scope_name",
            "numerator", "denominator", "value", "target", "met", "points", "max_points"};

    private IndicatorsCsv() {
    }

    public static void write(Path file, Period period, List<IndicatorRow> rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter out = new CSVPrinter(w, format)) {
            for (IndicatorRow r : rows) {
                out.printRecord(period.start(), period.end(), r.indicator(), r.scope().id(), SafeText.cell(r.scopeCode()),
                        SafeText.cell(r.scopeName()), r.numerator(), r.denominator(), value(r.value()), number(r.target()),
                        r.met(), number(r.points()), number(r.maxPoints()));
            }
        }
    }

    /**
     * Integers as integers; other values with at least 4 decimals (6 at most, unrounded to display precision),
     * '.' as the decimal separator.
     */
    static String value(Figure f) {
        if (!(f instanceof Figure.Value v)) {
            return null;
        }
        return number(v.value());
    }

    private static String number(Double d) {
        if (d == null) {
            return null;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 4 ? b.setScale(4, RoundingMode.UNNECESSARY).toPlainString() : b.toPlainString();
    }
}
