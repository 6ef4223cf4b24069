package vn.bantin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.store.SchemaStatus;
import vn.bantin.store.StoreAddress;
import vn.bantin.store.StoreCheck;
import vn.bantin.store.StoreCopy;
import vn.bantin.store.StoreMigration;

@Command(name = "store", description = "Look after the database: its schema, its health, and moving it to another database.",
        mixinStandardHelpOptions = true, subcommands = {StoreCommand.Migrate.class, StoreCommand.Check.class, StoreCommand.Copy.class})
final class StoreCommand {

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Bring the store's schema to this version (serve and run do it too when they start); print the"
                    + " version before and after and the migrations applied.")
    static final class Migrate implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Settings settings = configured.settings();
            StoreMigration.Migrated m = StoreMigration.migrate(settings.store());
            o.println("store " + m.where());
            o.println("  schema before: " + m.before().map(StoreCommand::version).orElse("none (a new store)"));
            o.println("  applied: " + (m.applied().isEmpty() ? "nothing (it was at this build's schema)"
                    : String.join(", ", m.applied().stream().map(SchemaStatus.Migration::toString).toList())));
            o.println("  schema after: " + version(m.after()));
            List<String> problems = m.after().problems(m.where());
            problems.forEach(p -> spec.commandLine().getErr().println("error: " + p));
            return problems.isEmpty() ? 0 : Failures.FAILED;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check the store: that it can be reached, its schema against this version's, the services that"
                    + " share it and whether each still checks in, and the runs recorded as running. Exit 0 only when all"
                    + " is well; it changes nothing.")
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        /** Set when serve answers this command: it holds an H2 store, and checks it from inside its own process. */
        private final InService inService;

        Check() {
            this(null);
        }

        Check(InService inService) {
            this.inService = inService;
        }

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Settings settings;
            if (inService != null) {
                settings = inService.settings();
            } else {
                settings = configured.settings();
                java.util.Optional<Integer> answered = InService.ask(settings.storeUrl(), List.of("store", "check"), o,
                        spec.commandLine().getErr());
                if (answered.isPresent()) {
                    return answered.get();
                }
            }
            StoreCheck.Report r = StoreCheck.check(settings.store(), Clock.system(settings.zone()));
            o.println("store " + r.where() + ": reached");
            o.println("  schema: " + version(r.schema()) + (r.schema().upToDate() ? ", up to date" : ""));
            o.println(r.members().isEmpty() ? "  services: none checked in (no serve runs on it)" : "  services:");
            for (StoreCheck.Member m : r.members()) {
                o.printf(Locale.ROOT, "    %-40s last check-in %s, %s (every %d s)%n", m.instance(),
                        ServeCommand.when(m.lastCheckin(), settings.zone()), m.alive() ? "alive" : "presumed dead",
                        m.interval().toSeconds());
            }
            o.println(r.running().isEmpty() ? "  runs recorded as running: none" : "  runs recorded as running:");
            for (StoreCheck.Running run : r.running()) {
                o.printf(Locale.ROOT, "    #%-5d %-8s %-9s started %s by %s: %s%n", run.id(), run.bulletin(), run.periodKey(),
                        ServeCommand.when(run.startedAt(), settings.zone()), run.owner() == null ? "unknown" : run.owner(),
                        run.gone() ? "its process is gone" : "in progress");
            }
            if (r.ok()) {
                o.println("store OK");
                return 0;
            }
            r.problems().forEach(p -> spec.commandLine().getErr().println("error: " + p));
            o.println(r.problems().size() + (r.problems().size() == 1 ? " problem" : " problems"));
            return Failures.FAILED;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy the store (runs, deliveries, attachment records, snapshots, schedules) into another, empty"
                    + " database, migrated to the same version first; one transaction, row counts verified. The store"
                    + " must not be in use (stop serve first).")
    static final class Copy implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        @Option(names = "--to", paramLabel = "URL", required = true, description = "the target database's JDBC URL")
        private String to;

        @Option(names = "--to-user", paramLabel = "USER", description = "the target's user (a PostgreSQL target)")
        private String toUser;

        @Option(names = "--to-password-env", paramLabel = "NAME",
                description = "the environment variable that holds the target's password (a PostgreSQL target; default: "
                        + StoreAddress.DEFAULT_PASSWORD_VARIABLE + ")")
        private String toPasswordEnv;

        @Option(names = "--to-archive", paramLabel = "DIR",
                description = "the target's attachment archive, as its store.archive will be (default: archive beside an H2"
                        + " file, var/archive for PostgreSQL)")
        private Path toArchive;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Settings settings = configured.settings();
            StoreAddress target = new StoreAddress(to, toUser, toPasswordEnv, toArchive);
            if (!target.isServer() && (toUser != null || toPasswordEnv != null)) {
                throw new IllegalArgumentException("--to-user and --to-password-env are for a PostgreSQL target; an H2 store's"
                        + " accounts are made with it and kept in the credentials file beside it");
            }
            if (target.isServer() && target.user() == null) {
                throw new IllegalArgumentException("--to-user is needed for a PostgreSQL target: the user that owns its database"
                        + " (its password in the variable named by --to-password-env, default " + StoreAddress.DEFAULT_PASSWORD_VARIABLE + ")");
            }
            o.println("copying " + settings.store().where() + " into " + target.where());
            StoreCopy.Copied c = StoreCopy.copy(settings.store(), target, (table, done, total) ->
                    o.printf(Locale.ROOT, "  %s: %,d of %,d rows%n", table, done, total));
            o.println("copied at schema " + c.version() + ", row counts verified:");
            o.printf(Locale.ROOT, "  %-28s %10s %10s%n", "table", "source", "target");
            for (StoreCopy.Table t : c.tables()) {
                o.printf(Locale.ROOT, "  %-28s %,10d %,10d%n", t.name(), t.source(), t.target());
            }
            o.printf(Locale.ROOT, "  %,d rows in %d tables%n", c.rows(), c.tables().size());
            o.println(c.archive().map(a -> "attachments: " + a.copied() + " files copied from " + a.from() + " to " + a.to()
                            + (a.present() > 0 ? " (" + a.present() + " were there already)" : ""))
                    .orElse("attachments: the target keeps them in the same folder as the source"));
            return 0;
        }
    }

    /** The store commands serve answers through its socket: only check, which reads. */
    @Command(name = "store")
    static final class InServe {
    }

    private static String version(SchemaStatus s) {
        if (s.current() == null) {
            return "none";
        }
        String where = s.current().equals(s.newest()) ? "this build's newest" : "this build's newest is " + s.newest().version();
        return s.current() + ", " + where;
    }
}
