package vn.bantin.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar bantin.jar <command>}. Exit 0 on success, 2 on bad usage, config or input, 1 otherwise. */
@Command(name = "bantin", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Digital-transformation bulletins from the province's shared platforms.",
        subcommands = {RunCommand.class, GatherCommand.class, InputsCommand.class, DataCommand.class, HistoryCommand.class, ScheduleCommand.class,
                TriggerCommand.class, StoreCommand.class, TemplatesCommand.class, RecipientsCommand.class, ConsoleCommand.class, UsersCommand.class,
                PreviewCommand.class, GenerateCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class})
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
        cli.setParameterExceptionHandler(Main::usageError);
        return cli.execute(args);
    }

    /**
     * A mistake on the command line in one line, what the option takes and where the full usage is, instead of the
     * 22 lines of usage that would bury it: "error: missing --period: 2022 (year), …; see 'bantin run --help'".
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        StringBuilder line = new StringBuilder("error: ");
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            line.append("missing ").append(String.join("; ", missing.getMissing().stream().map(Main::described).toList()));
        } else {
            line.append(e.getMessage());
        }
        line.append("; see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help'");
        cmd.getErr().println(line);
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String described(CommandLine.Model.ArgSpec arg) {
        String name = arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel();
        String[] description = arg.description();
        return description.length == 0 ? name : name + ": " + String.join(" ", description);
    }
}
