package vn.bantin.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.bantin.config.Organisation;
import vn.bantin.indicator.IndicatorEngine;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Method;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Targets;
import vn.bantin.indicator.Tally;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;
import vn.bantin.run.Gathering;
import vn.bantin.source.SourceOptions;
import vn.bantin.source.SourceProgress;

/**
 * Figures of the bundled 2022 sample, computed by the real pipeline (reading the exports, tallying, computing),
 * once per period per test run. A period in which no document and no dossier falls has no data: null, as the run
 * stage passes it.
 */
final class SampleIndicators {
    static final Path SAMPLE = Path.of("data/sample/2022");
    static final Organisation BAC_NINH = new Organisation("UBND TỈNH BẮC NINH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            "Số:        /BT-STTTT", "Bắc Ninh", "tỉnh Bắc Ninh");

    private static final Map<String, Gathering.Gathered> GATHERED = new ConcurrentHashMap<>();

    private SampleIndicators() {
    }

    static UnitTree tree() {
        return gathered("2022-12").tree();
    }

    static Unit unit(String name) {
        return tree().units().stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit named " + name + " in " + SAMPLE));
    }

    /** The period's figures, or null when nothing of the exports falls in it. */
    static Indicators of(String period) {
        Gathering.Gathered data = gathered(period);
        Tally.RowsInPeriod rows = data.tally().rowsInPeriod();
        if (rows.documents() == 0 && rows.dossiers() == 0) {
            return null;
        }
        return new IndicatorEngine(Targets.national(), Method.published()).compute(data.tree(), data.tally());
    }

    static BulletinContext context() {
        List<SourceSummary> sources = gathered("2022-12").stats().stream()
                .map(s -> new SourceSummary(s.fileName(), s.source().key(), s.rowsRead(), s.rowsCounted(), s.rowsRejected()))
                .toList();
        return new BulletinContext(BAC_NINH, LocalDate.of(2023, 1, 5), LocalDateTime.of(2023, 1, 5, 7, 30), sources);
    }

    /** The unit bulletin's parameters for December 2022, against November 2022 and December 2021. */
    static Map<String, Object> december(String unitName) {
        return UnitParameters.build(unit(unitName), of("2022-12"), of("2022-11"), of("2021-12"), tree(), context(),
                Labels.load(Path.of("templates"), "vi"));
    }

    private static Gathering.Gathered gathered(String period) {
        return GATHERED.computeIfAbsent(period, p -> Gathering.gather(
                new SourceOptions(SAMPLE, Map.of(), ZoneId.of("Asia/Ho_Chi_Minh")), Period.parse(p),
                Method.published().localityLevel(), reject -> { }, SourceProgress.NONE));
    }
}
