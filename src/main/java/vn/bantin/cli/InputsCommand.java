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
import vn.bantin.gather.SnapshotPrune;
import vn.bantin.store.Database;
import vn.bantin.store.RunStore;

@Command(name = "inputs", mixinStandardHelpOptions = true, description = "Manage the gathered input snapshots.",
        subcommands = InputsCommand.Prune.class)
final class InputsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Remove old snapshots: the newest N of each period stay, and every snapshot a recorded run read.")
    static final class Prune implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        @Option(names = "--keep", paramLabel = "N", description = "snapshots kept per period (default: inputs.keep of the config)")
        private Integer keep;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Settings settings = configured.settings();
            int n = keep == null ? settings.inputs().keep() : keep;
            SnapshotPrune.Outcome outcome;
            try (Database db = Database.open(settings.store())) {
                outcome = SnapshotPrune.prune(settings.inputsDir(), n,
                        new RunStore(db.dataSource(), Clock.system(settings.zone())).snapshotsInUse());
            }
            outcome.removed().forEach(id -> o.println("  removed " + id));
            outcome.keptForRuns().forEach(id -> o.println("  kept    " + id + " (a recorded run read it)"));
            o.printf("inputs prune: %d snapshot(s) removed from %s, the newest %d of each period kept%s%n",
                    outcome.removed().size(), settings.inputsDir(), n, outcome.keptForRuns().isEmpty() ? ""
                            : ", and " + outcome.keptForRuns().size() + " older one(s) that runs read");
            return 0;
        }
    }
}
