package vn.bantin.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.Gathering;
import vn.bantin.run.SourceReport;
import vn.bantin.source.CsvSource;
import vn.bantin.source.QualityGate;
import vn.bantin.source.SourceOptions;

@Command(name = "data", description = "Look at the exports without computing or sending anything.",
        subcommands = DataCommand.Check.class, mixinStandardHelpOptions = true)
final class DataCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read every export as a run would and report per file: how it was read and matched, rows read,"
                    + " counted and rejected (by reason), dates covered, unknown codes. Exit 2 when a run would stop.")
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        @Option(names = "--period", paramLabel = "P", description = "only rows of this period count (default: all rows)")
        private String period;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Settings settings = configured.settings();
            Period p = period == null ? new Period(Period.Kind.RANGE, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), "all")
                    : Period.parse(period);
            SourceOptions options = settings.sourceOptions();
            CsvSource.checkAll(options);
            o.println("data check of " + settings.dataDir().toAbsolutePath() + (period == null ? "" : " for " + p.key()));
            var data = Gathering.gather(options, p, settings.method().localityLevel(), r -> { }, (f, r, j, d) -> { });
            o.print(SourceReport.of(data.stats(), options));
            List<QualityGate.Breach> breaches = QualityGate.breaches(data.stats(), options);
            for (QualityGate.Breach b : breaches) {
                o.printf(Locale.ROOT, "STOP: %s has %.2f%% of its rows rejected, over its limit of %s%%: a run would stop%n",
                        b.stats().fileName(), b.stats().rejectPercent(), b.limitPercent());
            }
            if (breaches.isEmpty()) {
                o.println("OK: a run would go on with these exports");
            }
            return breaches.isEmpty() ? 0 : Failures.BAD_INPUT;
        }
    }
}
