package vn.bantin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.sample.SampleGenerator;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the bundled 2022 sample exports again, or a large synthetic set for the benchmark.")
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

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        Files.createDirectories(out);
        if (units != null) {
            if (documents != null) {
                throw new IllegalArgumentException("--units makes the 2022 sample at another size; give it without --documents");
            }
            SampleGenerator.writeUnits(out, units);
            o.printf("wrote the 2022 sample with %,d units to %s, and %s (copy it into config/ to send to them)%n", units,
                    out, out.resolve("recipients.csv"));
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
