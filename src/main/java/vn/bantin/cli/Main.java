package vn.bantin.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar bantin.jar <command>}. Exit 0 on success, 2 on bad usage, config or input, 1 otherwise. */
@Command(name = "bantin", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Digital-transformation bulletins from the province's shared platforms.",
        subcommands = {RunCommand.class, DataCommand.class, HistoryCommand.class, ScheduleCommand.class,
                TriggerCommand.class, TemplatesCommand.class, PreviewCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line as the jar would, printing to the given writers; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new ServeCommand(RunLauncher::new));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures());
        return cli.execute(args);
    }
}
