package vn.bantin.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.console.UserAdmin;
import vn.bantin.store.Database;
import vn.bantin.store.UserRow;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "The web console's users: add one (the password is read from the terminal, or from the first line"
                + " of stdin; never from an argument), list them, or make an API token for scripts. There is no default account.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Token.class})
final class UsersCommand {

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

        @Override
        public Integer call() throws Exception {
            Settings settings = configured.settings();
            char[] password = readPassword(spec.commandLine().getOut());
            try (Database db = Database.open(settings.store())) {
                UserRow u = new UserAdmin(db.dataSource(), Clock.system(settings.zone())).add(actor(), name, role, password);
                spec.commandLine().getOut().println("added console user " + u.name() + " (" + u.role() + ")");
                return 0;
            } catch (UserAdmin.Refused e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return Failures.BAD_INPUT;
            } finally {
                Arrays.fill(password, '\0');
            }
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

        @Override
        public Integer call() {
            Settings settings = configured.settings();
            PrintWriter o = spec.commandLine().getOut();
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(settings.zone());
            try (Database db = Database.open(settings.store())) {
                var users = new UserAdmin(db.dataSource(), Clock.system(settings.zone())).list();
                if (users.isEmpty()) {
                    o.println("no console users yet; add the first admin with: java -jar target/bantin.jar users add NAME --role admin");
                }
                for (UserRow u : users) {
                    o.printf("  %-24s %-9s %s since %s%n", u.name(), u.role(), u.disabled() ? "disabled" : "active",
                            time.format(u.createdAt()));
                }
                return 0;
            }
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

        @Override
        public Integer call() {
            Settings settings = configured.settings();
            try (Database db = Database.open(settings.store())) {
                String token = new UserAdmin(db.dataSource(), Clock.system(settings.zone())).newToken(actor(), name);
                spec.commandLine().getOut().println(token);
                return 0;
            } catch (UserAdmin.Refused e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return Failures.BAD_INPUT;
            }
        }
    }
}
