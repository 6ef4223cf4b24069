package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.HolidaysFile;
import vn.bantin.indicator.Engine766;
import vn.bantin.indicator.IndicatorRow;
import vn.bantin.indicator.IndicatorRows766;
import vn.bantin.indicator.Scores766;
import vn.bantin.indicator.Scoring766;
import vn.bantin.indicator.WorkingDays;
import vn.bantin.indicator.IndicatorEngine;
import vn.bantin.indicator.IndicatorRows;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Method;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Targets;
import vn.bantin.report.IndicatorsCsv;
import vn.bantin.report.Labels;
import vn.bantin.report.ProvinceParameters;
import vn.bantin.report.RejectsCsv;
import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;
import vn.bantin.source.SourceOptions;

/**
 * Golden cases: each folder under src/test/resources/cases holds input CSVs, a case.properties (period, and the
 * hand computation in its comments) and the expected indicators.csv (and rejects.csv where given), computed by hand.
 * The run's own reading, computing and writing code produces the files compared. A case whose exports carry the
 * Decision 766 columns also gets the 766 rows (default points, tolerance 2, the shipped holidays.csv, and its own
 * official-766.csv and unit-changes.csv when present).
 */
class GoldenCasesTest {
    private static final Path CASES = Path.of("src/test/resources/cases");
    /** The shipped working-day calendar: the cases' Tết 2026 is the one a run would use. */
    private static final WorkingDays HOLIDAYS = HolidaysFile.read(Path.of("config/holidays.csv"));

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesItsHandComputation() throws IOException {
        return Files.list(CASES).filter(Files::isDirectory).sorted()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    /** A case's own config/ says how its exports are written; otherwise they follow the contract (maybe with ';'). */
    private static SourceOptions options(Path dir, Properties props) {
        if (Files.isDirectory(dir.resolve("config"))) {
            return ConfigLoader.load(dir.resolve("config")).withDataDir(dir).sourceOptions();
        }
        Map<SourceFile, SourceFormat> formats = new EnumMap<>(SourceFile.class);
        for (SourceFile f : SourceFile.values()) {
            String sep = props.getProperty("separator." + f.key());
            if (sep != null) {
                SourceFormat d = SourceFormat.defaults(f);
                formats.put(f, new SourceFormat(d.fileName(), d.encoding(), sep.charAt(0), d.sheet(), d.headerRow(),
                        d.columnNames(), d.valueWords(), d.maxRejectPercent()));
            }
        }
        return new SourceOptions(dir, formats, ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private void check(Path dir) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("case.properties"), StandardCharsets.UTF_8)) {
            props.load(r);
        }
        Period period = Period.parse(props.getProperty("period"));
        SourceOptions options = options(dir, props);
        Path work = Files.createDirectories(out.resolve(dir.getFileName()));
        Gathering.Gathered data;
        try (RejectsCsv rejects = new RejectsCsv(work.resolve("rejects.csv"))) {
            data = Gathering.gather(options, List.of(period), Method.published().localityLevel(), rejects,
                    (f, r, j, d) -> { }, new Gathering.Setup766(HOLIDAYS, null, "unit-changes.csv", "official-766.csv",
                            Map.of(), ""));
        }
        Indicators indicators = new IndicatorEngine(Targets.national(), Method.published()).compute(data.tree(), data.tally());
        ProvinceParameters names = new ProvinceParameters(Labels.load(Path.of("templates"), "vi"));
        List<IndicatorRow> rows = new ArrayList<>(IndicatorRows.of(indicators, "tỉnh Bắc Ninh", names::levelName));
        Map<String, String> bands = new java.util.HashMap<>();
        if (data.has766()) {
            Scores766 scores = new Engine766(Scoring766.defaults()).compute(data.tree(), data.tally766(), data.presentColumns());
            scores.units().forEach(u -> bands.put(u.unit().code(), u.band() == null ? "" : u.band().name()));
            rows.addAll(IndicatorRows766.of(scores, data.official(), data.official().reconcile(scores, 2), "tỉnh Bắc Ninh",
                    names::levelName));
        }
        IndicatorsCsv.write(work.resolve("indicators.csv"), period, rows);
        // Kept for whoever updates a case by hand: what the code wrote, beside the build's other outputs.
        Path kept = Files.createDirectories(Path.of("target/golden-actual", dir.getFileName().toString()));
        Files.copy(work.resolve("indicators.csv"), kept.resolve("indicators.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(work.resolve("rejects.csv"), kept.resolve("rejects.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertEquals(Files.readString(dir.resolve("expected-indicators.csv")), Files.readString(work.resolve("indicators.csv")),
                dir.getFileName() + ": indicators.csv");
        for (String line : Files.readAllLines(dir.resolve("expected-indicators.csv"))) {
            String[] cells = line.split(",", -1);
            if (cells[2].equals("766.total") && cells[3].equals("unit")) {
                assertEquals(band(cells[8]), bands.get(cells[4]), dir.getFileName() + ": band of " + cells[4] + " at " + cells[8]);
            }
        }
        Path expectedRejects = dir.resolve("expected-rejects.csv");
        if (Files.exists(expectedRejects)) {
            assertEquals(Files.readString(expectedRejects), Files.readString(work.resolve("rejects.csv")),
                    dir.getFileName() + ": rejects.csv");
        } else {
            assertEquals(1, Files.readAllLines(work.resolve("rejects.csv")).size(), dir.getFileName() + ": no rejects expected");
        }
        // Every rejected row the statistics count is in rejects.csv, and no other.
        long rejectedInStats = data.stats().stream().mapToLong(s -> s.rowsRejected()).sum();
        assertEquals(rejectedInStats, Files.readAllLines(work.resolve("rejects.csv")).size() - 1L,
                dir.getFileName() + ": rejects counted vs written");
    }

    /** Spec indicators-766 §6: the band of a total value rounded half-up to 2 decimals, bounds 90, 80, 70, 50. */
    private static String band(String total) {
        if (total.isEmpty()) {
            return "";
        }
        double shown = new java.math.BigDecimal(total).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
        return shown >= 90 ? "XUAT_SAC" : shown >= 80 ? "TOT" : shown >= 70 ? "KHA" : shown >= 50 ? "TRUNG_BINH" : "YEU";
    }
}
