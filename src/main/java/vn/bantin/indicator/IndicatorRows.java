package vn.bantin.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.bantin.indicator.Indicators.Share;
import vn.bantin.indicator.IndicatorRow.Scope;

/** Flattens a period's figures into the rows of {@code indicators.csv}, in bulletin order. */
public final class IndicatorRows {
    private IndicatorRows() {
    }

    public static List<IndicatorRow> of(Indicators in, String provinceName, Function<Level, String> levelName) {
        List<IndicatorRow> rows = new ArrayList<>();
        Indicators.Edoc edoc = in.edoc();
        edoc.levels().values().forEach(l -> rows.add(new IndicatorRow("edoc.rate", Scope.LEVEL, l.level().id(),
                levelName.apply(l.level()), null, null, l.mean(), l.target(), l.met())));
        edoc.units().forEach(u -> rows.add(share("edoc.rate", Scope.UNIT, u.unit(), u.rate(), u.target())));

        Indicators.Dvc dvc = in.dvc();
        Targets t = dvc.targets();
        rows.add(share("dvc.online_service_share", Scope.PROVINCE, "province", provinceName, dvc.serviceShare(), t.onlineServiceShare()));
        dvc.units().forEach(u -> rows.add(share("dvc.online_service_share", Scope.UNIT, u.unit(), u.serviceShare(), t.onlineServiceShare())));
        addPooled(rows, "dvc.online_dossier_share", dvc.dossierShare(), dvc.dossierShareByLevel(), t.onlineDossierShare(), provinceName, levelName);
        dvc.units().forEach(u -> rows.add(share("dvc.online_dossier_share", Scope.UNIT, u.unit(), u.dossierShare(), t.onlineDossierShare())));
        addPooled(rows, "dvc.on_time_share", dvc.onTimeShare(), dvc.onTimeShareByLevel(), t.onTimeShare(), provinceName, levelName);
        dvc.units().forEach(u -> rows.add(share("dvc.on_time_share", Scope.UNIT, u.unit(), u.onTimeShare(), t.onTimeShare())));

        Indicators.Pakn pakn = in.pakn();
        rows.add(count("pakn.received", Scope.PROVINCE, "province", provinceName, pakn.received()));
        rows.add(count("pakn.processed", Scope.PROVINCE, "province", provinceName, pakn.processed()));
        rows.add(share("pakn.processed_share", Scope.PROVINCE, "province", provinceName, pakn.processedShare(), null));
        rows.add(mean("pakn.rating_mean", Scope.PROVINCE, "province", provinceName, pakn.rating()));
        for (Indicators.Locality l : pakn.localities()) {
            Unit u = l.unit();
            rows.add(count("pakn.received", Scope.LOCALITY, u.code(), u.name(), l.received()));
            rows.add(count("pakn.processed", Scope.LOCALITY, u.code(), u.name(), l.processedShare().numerator()));
            rows.add(share("pakn.processed_share", Scope.LOCALITY, u.code(), u.name(), l.processedShare(), null));
            rows.add(mean("pakn.rating_mean", Scope.LOCALITY, u.code(), u.name(), l.rating()));
        }
        pakn.categories().forEach(c -> rows.add(count("pakn.category_count", Scope.CATEGORY, c.category(), c.category(), c.count())));
        return rows;
    }

    private static void addPooled(List<IndicatorRow> rows, String id, Share province, Map<Level, Share> byLevel,
                                  Double target, String provinceName, Function<Level, String> levelName) {
        rows.add(share(id, Scope.PROVINCE, "province", provinceName, province, target));
        byLevel.forEach((level, s) -> rows.add(share(id, Scope.LEVEL, level.id(), levelName.apply(level), s, target)));
    }

    private static IndicatorRow share(String id, Scope scope, Unit u, Share s, Double target) {
        return share(id, scope, u.code(), u.name(), s, target);
    }

    private static IndicatorRow share(String id, Scope scope, String code, String name, Share s, Double target) {
        return new IndicatorRow(id, scope, code, name, s.numerator(), s.denominator(), s.value(), target, s.value().meets(target));
    }

    private static IndicatorRow mean(String id, Scope scope, String code, String name, Indicators.Mean m) {
        return new IndicatorRow(id, scope, code, name, m.sum(), m.count(), m.value(), null, null);
    }

    private static IndicatorRow count(String id, Scope scope, String code, String name, long n) {
        return new IndicatorRow(id, scope, code, name, null, null, Figure.of(n), null, null);
    }
}
