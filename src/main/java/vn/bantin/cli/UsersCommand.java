package vn.bantin.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import javax.sql.DataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.console.UserAdmin;
import vn.bantin.store.Database;
import vn.bantin.store.UserRow;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "The web console's users: add one (the password is read from the terminal, or from the first line"
                + " of stdin; never from an argument), list them, or make an API token for scripts. There is no default account."
                + " Works whether or not serve is running: a running serve holds the store and answers these itself.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Token.class})
final class UsersCommand {
    /** Set when serve answers this command on its own store. */
    private final InService inService;

    UsersCommand() {
        this(null);
    }

    UsersCommand(InService inService) {
        this.inService = inService;
    }

    /**
     * Runs {@code work} on serve's store when serve answers this command; else forwards {@code forwarded} to a serve
     * that holds the store, or, when none does, opens the store here.
     */
    private int onStore(Configured configured, CommandSpec spec, List<String> forwarded, Function<DataSource, Integer> work) {
        if (inService != null) {
            return work.apply(inService.store());
        }
        Settings settings = configured.settings();
        Optional<Integer> answered = InService.ask(settings.storeUrl(), forwarded, spec.commandLine().getOut(), spec.commandLine().getErr());
        if (answered.isPresent()) {
            return answered.get();
        }
        try (Database db = Database.open(settings.store())) {
            return work.apply(db.dataSource());
        }
    }

    private Clock clock(Configured configured) {
        return Clock.system((inService != null ? inService.settings() : configured.settings()).zone());
    }

    /** Who did it, for the audit trail: the terminal's user. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "?");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a console user with a role: viewer, operator, editor or admin.")
    static final class Add implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        @Parameters(index = "0", paramLabel = "NAME", description = "the user name to sign in with")
        private String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator, editor or admin")
        private String role;

        /** How the password reaches a running serve: hashed here, so that it never leaves this process. */
        @Option(names = "--password-hash", hidden = true)
        private String passwordHash;

        @ParentCommand
        private UsersCommand users;

        @Override
        public Integer call() throws Exception {
            String hash = passwordHash;
            if (hash == null) {
                char[] password = readPassword(spec.commandLine().getOut());
                try {
                    vn.bantin.console.Said weak = vn.bantin.console.Passwords.weakness(password);
                    if (weak != null) {
                        return refused(spec, new UserAdmin.Refused(weak));
                    }
                    hash = vn.bantin.console.Passwords.hash(password);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
            String h = hash;
            return users.onStore(configured, spec, List.of("users", "add", name, "--role", role, "--password-hash", h), store -> {
                try {
                    UserRow u = new UserAdmin(store, users.clock(configured)).addHashed(actor(), name, role, h);
                    spec.commandLine().getOut().println("added console user " + u.name() + " (" + u.role() + ")");
                    return 0;
                } catch (UserAdmin.Refused e) {
                    return refused(spec, e);
                }
            });
        }

        /** Twice from the terminal, without echo; else the first line of stdin (for scripts: printf '%s\n' "$PW" | …). */
        private static char[] readPassword(PrintWriter out) throws java.io.IOException {
            Console c = System.console();
            if (c != null) {
                char[] first = c.readPassword("password: ");
                char[] again = c.readPassword("password again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the two passwords differ; nothing was added");
                }
                Arrays.fill(again, '\0');
                return first;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password on stdin; type it at a terminal, or give it as the first line"
                        + " of stdin (never as an argument)");
            }
            return line.toCharArray();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the console users with their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        @ParentCommand
        private UsersCommand users;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Clock clock = users.clock(configured);
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
            return users.onStore(configured, spec, List.of("users", "list"), store -> {
                var list = new UserAdmin(store, clock).list();
                if (list.isEmpty()) {
                    o.println("no console users yet; add the first admin with: java -jar target/bantin.jar users add NAME --role admin");
                }
                for (UserRow u : list) {
                    o.printf("  %-24s %-9s %s since %s%n", u.name(), u.role(), u.disabled() ? "disabled" : "active",
                            time.format(u.createdAt()));
                }
                return 0;
            });
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Make an API token for a user (scripts send it as 'Authorization: Bearer TOKEN'); printed once, kept only hashed.")
    static final class Token implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        @Parameters(index = "0", paramLabel = "NAME", description = "the user the token acts as (with that user's role)")
        private String name;

        @ParentCommand
        private UsersCommand users;

        @Override
        public Integer call() {
            return users.onStore(configured, spec, List.of("users", "token", name), store -> {
                try {
                    spec.commandLine().getOut().println(new UserAdmin(store, users.clock(configured)).newToken(actor(), name));
                    return 0;
                } catch (UserAdmin.Refused e) {
                    return refused(spec, e);
                }
            });
        }
    }

    private static int refused(CommandSpec spec, UserAdmin.Refused e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return Failures.BAD_INPUT;
    }
}
