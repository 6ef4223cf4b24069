package vn.bantin.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.gather.Gather;
import vn.bantin.gather.GatherException;
import vn.bantin.indicator.Period;

@Command(name = "gather", mixinStandardHelpOptions = true,
        description = "Pull every export of a period (database queries, web services, and the data folder's files) into"
                + " a new snapshot under the inputs folder, all or nothing; a run of the period then reads it.")
final class GatherCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Configured configured;

    @Option(names = "--period", required = true, paramLabel = "P",
            description = "2022 (year), 2022-12 (month), 2022-Q4 (quarter) or 2022-01-01..2022-06-30 (range)")
    private String period;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Settings settings = configured.settings();
        Period p = Period.parse(period);
        try {
            Gather.Snapshot s = new Gather(settings, Clock.system(settings.zone()), o::println).gather(p);
            o.println("gathered " + p.key() + " into " + s.dir() + " (" + s.files().size() + " exports, manifest "
                    + vn.bantin.source.InputSnapshot.MANIFEST + ")");
            return 0;
        } catch (GatherException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage().lines().findFirst().orElse("")
                    + " (no snapshot made; a run of " + p.key() + " reads the latest complete one, if any)");
            return Failures.FAILED;
        }
    }
}
