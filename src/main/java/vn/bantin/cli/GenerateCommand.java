package vn.bantin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.HolidaysFile;
import vn.bantin.sample.Sample2026;
import vn.bantin.sample.SampleGenerator;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a bundled sample again (--shape 2022: Bắc Ninh 2022; --shape 2026: the merged two-level"
                + " Bắc Ninh, January to March 2026, with the Decision 766 columns), or a large synthetic set for the benchmark.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the five CSV files into")
    private Path out;

    @Option(names = "--documents", paramLabel = "N", description = "write a synthetic set with N document rows (benchmark)")
    private Long documents;

    @Option(names = "--dossiers", paramLabel = "N", defaultValue = "0", description = "with --documents: N dossier rows")
    private long dossiers;

    @Option(names = "--units", paramLabel = "N", description = "write the 2022 sample with N units (154 of Bắc Ninh and"
            + " made-up communes) and a recipients.csv beside it (4 leaders, one clerk per unit), for the cluster benchmark")
    private Integer units;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2022", description = "random seed of the synthetic set")
    private long seed;

    @Option(names = "--shape", paramLabel = "YEAR", defaultValue = "2022",
            description = "which bundled sample: 2022 (five exports) or 2026 (also official-766.csv and unit-changes.csv)")
    private String shape;

    @Option(names = "--holidays", paramLabel = "FILE", defaultValue = "config/holidays.csv",
            description = "with --shape 2026: the working-day calendar the due dates are counted on")
    private Path holidays;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        Files.createDirectories(out);
        if (!shape.equals("2022") && !shape.equals("2026")) {
            spec.commandLine().getErr().println("--shape takes 2022 or 2026, not '" + shape + "'");
            return 2;
        }
        if (units != null) {
            if (documents != null || shape.equals("2026")) {
                throw new IllegalArgumentException("--units makes the 2022 sample at another size; give it without --documents or --shape 2026");
            }
            SampleGenerator.writeUnits(out, units);
            o.printf("wrote the 2022 sample with %,d units to %s, and %s (copy it into config/ to send to them)%n", units,
                    out, out.resolve("recipients.csv"));
        } else if (documents == null && shape.equals("2026")) {
            Sample2026.write(out, HolidaysFile.read(holidays));
            o.println("wrote the 2026 sample to " + out);
        } else if (documents == null) {
            SampleGenerator.write2022(out);
            o.println("wrote the 2022 sample to " + out);
        } else {
            SampleGenerator.writeScaled(out, documents, dossiers, seed);
            o.printf("wrote %,d documents and %,d dossiers to %s%n", documents, dossiers, out);
        }
        return 0;
    }
}
