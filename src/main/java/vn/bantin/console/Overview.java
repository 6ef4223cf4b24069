package vn.bantin.console;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import vn.bantin.indicator.Figure;
import vn.bantin.indicator.IndicatorRow;
import vn.bantin.indicator.Period;
import vn.bantin.report.VietnameseFormat;
import vn.bantin.store.RequestRow;
import vn.bantin.store.RunRow;
import vn.bantin.store.RunStatus;
import vn.bantin.store.SnapshotRow;
import vn.bantin.store.SnapshotStore;

/**
 * The overview: the latest bulletin of each kind (period, status, headline figures from the indicator snapshots), the
 * main indicators over the last 12 periods as a chart, and the requests that need a decision (failed, incomplete,
 * abandoned, interrupted, with nothing later that settled them).
 */
public record Overview(List<Latest> latest, List<Figure2> headline, String headlinePeriod, String chartSvg,
                       List<RunLine> needDecision) {

    /** The latest request that made one kind of bulletin. */
    public record Latest(String bulletin, RunLine run) {}

    /** One headline figure: its label key and its value, formatted the Vietnamese way. */
    public record Figure2(String key, String value) {}

    /** Main indicators of the chart, by snapshot id and scope code ({@code edoc.rate} is the province level's mean). */
    static final List<String[]> MAIN = List.of(new String[] {"edoc.rate", "province"},
            new String[] {"dvc.online_service_share", "province"}, new String[] {"dvc.online_dossier_share", "province"},
            new String[] {"pakn.processed_share", "province"});
    private static final List<String> HEADLINE = List.of("dvc.online_service_share", "dvc.online_dossier_share",
            "dvc.on_time_share", "pakn.received", "pakn.processed_share", "pakn.rating_mean");

    static Overview of(List<RequestRow> recent, DataSource db, ZoneId zone, View v) {
        List<Latest> latest = new ArrayList<>();
        for (String b : List.of("province", "unit")) {
            recent.stream().filter(q -> q.bulletins().contains(b)).findFirst()
                    .ifPresent(q -> latest.add(new Latest(b, RunLine.of(q, zone))));
        }
        List<RunLine> decide = new ArrayList<>();
        for (RequestRow q : recent) {
            RunStatus s = q.status();
            boolean settledLater = recent.stream().anyMatch(later -> later.startedAt().isAfter(q.startedAt())
                    && later.periodKey().equals(q.periodKey()) && later.bulletins().containsAll(q.bulletins())
                    && later.status() == RunStatus.SUCCEEDED);
            if ((s == RunStatus.FAILED || s == RunStatus.INCOMPLETE || s == RunStatus.ABANDONED || s == RunStatus.INTERRUPTED)
                    && !settledLater && decide.size() < 10) {
                decide.add(RunLine.of(q, zone));
            }
        }
        SnapshotStore snapshots = new SnapshotStore(db);
        String period = recent.stream().filter(q -> q.bulletins().contains("province"))
                .filter(q -> q.runs().stream().map(RunRow::status).anyMatch(st -> st != RunStatus.FAILED))
                .map(RequestRow::periodKey).findFirst().orElse(null);
        List<Figure2> headline = new ArrayList<>();
        String svg = "";
        if (period != null) {
            List<SnapshotRow> rows = snapshots.read(period);
            for (SnapshotRow r : rows) {
                boolean province = r.scope() == IndicatorRow.Scope.PROVINCE
                        || r.scope() == IndicatorRow.Scope.LEVEL && r.scopeCode().equals("province") && r.indicator().equals("edoc.rate");
                if (province && (HEADLINE.contains(r.indicator()) || r.indicator().equals("edoc.rate"))) {
                    headline.add(new Figure2("indicator." + r.indicator(), format(r)));
                }
            }
            svg = chart(snapshots, period, v);
        }
        return new Overview(latest, headline, period, svg, decide);
    }

    private static String format(SnapshotRow r) {
        if (!(r.value() instanceof Figure.Value value)) {
            return "—";
        }
        if (r.indicator().endsWith("share") || r.indicator().endsWith("rate")) {
            return VietnameseFormat.percent(value.value());
        }
        if (r.indicator().endsWith("mean")) {
            return VietnameseFormat.decimal(value.value());
        }
        return VietnameseFormat.number(Math.round(value.value()));
    }

    /** The last 12 periods of the latest one's kind, oldest first, each main indicator's value where a snapshot has it. */
    private static String chart(SnapshotStore snapshots, String latestKey, View v) {
        Period p;
        try {
            p = Period.parse(latestKey);
        } catch (IllegalArgumentException e) {
            return "";
        }
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            periods.add(0, p);
            p = p.previous();
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String[] m : MAIN) {
            series.put(m[0], new ArrayList<>());
        }
        for (Period period : periods) {
            List<SnapshotRow> rows = snapshots.read(period.key());
            for (String[] m : MAIN) {
                Double value = null;
                for (SnapshotRow r : rows) {
                    if (r.indicator().equals(m[0]) && r.scopeCode().equals(m[1]) && r.scope() != IndicatorRow.Scope.UNIT
                            && r.value() instanceof Figure.Value fv) {
                        value = fv.value();
                    }
                }
                series.get(m[0]).add(value);
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        series.keySet().forEach(k -> names.put(k, v.t("indicator." + k)));
        return TrendChart.svg(periods.stream().map(Period::key).toList(), series, names, v.t("overview.chart.title"));
    }
}
