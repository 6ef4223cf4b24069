package vn.bantin.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Period;
import vn.bantin.report.VietnameseFormat;
import vn.bantin.run.InputCheck;
import vn.bantin.run.SourceReport;
import vn.bantin.source.QualityGate;

@Command(name = "data", description = "Look at the exports without computing or sending anything.",
        subcommands = DataCommand.Check.class, mixinStandardHelpOptions = true)
final class DataCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read every export as a run would and report per file: how it was read and matched, rows read,"
                    + " counted and rejected (by reason), dates covered, unknown codes; and the recipients whose unit is"
                    + " not in the data. Exit 2 when a run would stop.")
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        @Option(names = "--period", paramLabel = "P", description = "check as a run of this period would (default: the"
                + " rules that hold for every period, all rows counted)")
        private String period;

        @Option(names = "--force", description = "check as a run with --force would (the period need not be complete)")
        private boolean force;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Settings settings = configured.settings();
            Period p = period == null ? null : Period.parse(period);
            if (p != null) {
                settings = vn.bantin.run.RunInputs.of(settings, p).settings(); // what a run of the period reads
            }
            o.println("data check of " + settings.dataDir().toAbsolutePath() + (p == null ? "" : " for " + p.key()));
            // The very check a run makes, for the periods a run with unit bulletins reads.
            List<Period> periods = p == null ? List.of() : List.of(p, p.previous(), p.sameLastYear());
            InputCheck.Result r = InputCheck.check(settings, periods, force, recipient -> true, reject -> { },
                    (f, read, rejected, done) -> { });
            o.print(SourceReport.of(r.data().stats(), settings.sourceOptions()));
            for (Recipient unknown : r.unknownUnits()) {
                o.println("WARNING: " + InputCheck.unknownUnit(unknown, settings));
            }
            for (QualityGate.Breach b : r.breaches()) {
                o.printf(Locale.ROOT, "STOP: %s has %.2f%% of its rows rejected, over its limit of %s%%: a run would stop%n",
                        b.stats().fileName(), b.stats().rejectPercent(), b.limitPercent());
            }
            if (!r.notReady().isEmpty()) {
                o.println("STOP: " + (p == null ? "no run can go on: " + String.join("; ", r.notReady())
                        : "a run would stop: " + String.join("; ", r.notReady())));
            }
            if (r.stops()) {
                return Failures.BAD_INPUT;
            }
            o.println(p != null ? "OK: a run of " + p.key() + (force ? " with --force" : "") + " would go on with these exports"
                    : "OK: the exports are complete up to " + VietnameseFormat.date(r.completeUntil()) + ": a run of a"
                    + " period that ends by then and holds documents or dossiers would go on; give --period to check one");
            return 0;
        }
    }
}
