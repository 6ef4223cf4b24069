package vn.bantin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.indicator.Period;
import vn.bantin.run.Preview;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Render a bulletin with the data at hand into a preview folder, with a PNG of each page. Sends nothing,"
                + " records nothing.")
final class PreviewCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Configured configured;

    @Option(names = "--bulletin", paramLabel = "B", defaultValue = "province", description = "province or unit (default: ${DEFAULT-VALUE})")
    private String bulletin;

    @Option(names = "--unit", paramLabel = "CODE", description = "with --bulletin unit: the unit's code in units.csv")
    private String unit;

    @Option(names = "--period", required = true, paramLabel = "P", description = "the period, as for run")
    private String period;

    @Option(names = "--to", paramLabel = "DIR", defaultValue = "preview", description = "preview folder (default: ${DEFAULT-VALUE})")
    private Path to;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        String code = switch (bulletin) {
            case "province" -> null;
            case "unit" -> {
                if (unit == null) {
                    throw new IllegalArgumentException("--bulletin unit needs --unit CODE (a code of units.csv)");
                }
                yield unit;
            }
            default -> throw new IllegalArgumentException("--bulletin " + bulletin + " is not known; use province or unit");
        };
        for (Path p : Preview.render(configured.settings(), Period.parse(period), code, to)) {
            o.println("  " + p);
        }
        return 0;
    }
}
