package vn.bantin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import javax.sql.DataSource;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sun.misc.Signal;
import vn.bantin.config.Settings;
import vn.bantin.schedule.BulletinLauncher;
import vn.bantin.schedule.BulletinScheduler;
import vn.bantin.schedule.RecipientSource;
import vn.bantin.schedule.ScheduleException;
import vn.bantin.schedule.SchedulerEvents;
import vn.bantin.schedule.Schedules;
import vn.bantin.store.Database;
import vn.bantin.store.StoreFiles;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Send the bulletins on the schedules of config/schedules.properties until stopped (Ctrl-C or"
                + " SIGTERM). A fire missed while serve was not running is caught up once at start; a stop lets the"
                + " jobs in progress finish and leaves the others in the store for the next start.")
final class ServeCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * Makes the launcher each send job calls: the same code path as {@code run} (a {@code BulletinRun} for a
     * {@code RunRequest} whose emails are the batch), for the settings read at start, on the store's database (its
     * delivery ledger), printing its progress to {@code out}.
     */
    @FunctionalInterface
    interface Launchers {
        BulletinLauncher create(Settings settings, DataSource store, PrintWriter out);
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private Configured configured;

    @picocli.CommandLine.Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "where the web console listens (default: console.listen of the config, 127.0.0.1:8080)")
    private String listen;

    private final Launchers launchers;

    ServeCommand(Launchers launchers) {
        this.launchers = launchers;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = configured.settings();
        Schedules schedules = Schedules.load(configured.config, settings.zone());
        Clock clock = Clock.system(settings.zone());
        try (Database db = Database.open(settings.store());
             ServiceChannel channel = listen(settings.storeUrl(), new InService(db.dataSource(), db.where(), settings, schedules))) {
            BulletinScheduler service;
            BulletinScheduler.Reconciled r;
            try {
                service = new BulletinScheduler(db.dataSource(), schedules, launchers.create(settings, db.dataSource(), out),
                        RecipientSource.of(settings.recipients()), clock, new Printed(out, err, clock));
                r = service.start();
            } catch (ScheduleException e) {
                err.println("error: " + e.getMessage());
                return Failures.FAILED;
            }
            out.println("bantin serve: " + service.instanceId() + " on the store " + db.where() + ", schedules of "
                    + schedules.file());
            if (!r.added().isEmpty() || !r.updated().isEmpty() || !r.removed().isEmpty()) {
                out.println("  stored triggers brought in line with the config: added " + r.added() + ", updated "
                        + r.updated() + ", removed " + r.removed());
            }
            out.println(channel == null ? "  the store is not a local file: trigger, history and schedule use it directly"
                    : "  trigger, history, schedule, users and store check reach this serve through " + channel.socket()
                            + " (no network port; only the web console listens on one)");
            ScheduleCommand.printTriggers(out, service.listTriggers());
            int waiting = service.pending().size();
            if (waiting > 0) {
                out.println("  " + waiting + " request(s) and send job(s) from before wait in the store: they run now");
            }
            // A store on a server can go away while serve runs: one line when it does and one when it is back.
            try (StoreWatch watch = channel == null ? StoreWatch.start(db.dataSource(), db.where(), schedules.checkin(), err, clock)
                    : null;
                 AutoCloseable console = hostConsole(settings, db, clock, out, err)) {
                out.println("serving; stop with Ctrl-C or SIGTERM (jobs in progress finish first)");
                return serveUntilStopped(service, out, err, clock);
            }
        }
    }

    /**
     * Answers trigger, history, schedule and store check through the socket beside a file store, since this process holds the
     * file; null for a store that is not a local file (it has no such place, and other processes reach it directly).
     */
    private static ServiceChannel listen(String storeUrl, InService here) throws IOException {
        Optional<StoreFiles> files = StoreFiles.of(storeUrl);
        if (files.isEmpty()) {
            return null;
        }
        ServiceChannel channel;
        try {
            channel = ServiceChannel.listen(files.get().socket(), (args, o, e) -> {
                CommandLine cli = new CommandLine(new Answering());
                cli.addSubcommand(new HistoryCommand(here));
                cli.addSubcommand(new TriggerCommand(here));
                cli.addSubcommand(new ScheduleCommand(here));
                cli.addSubcommand(new UsersCommand(here));
                cli.addSubcommand(new CommandLine(new StoreCommand.InServe()).addSubcommand(new StoreCommand.Check(here)));
                cli.setOut(o);
                cli.setErr(e);
                cli.setExecutionExceptionHandler(new Failures());
                return cli.execute(args.toArray(String[]::new));
            });
        } catch (IOException e) {
            throw new IOException("serve cannot listen on " + files.get().socket() + " (" + e.getMessage()
                    + "), through which trigger, history, schedule and store check reach it; check the store's folder", e);
        }
        files.get().secureFiles();
        return channel;
    }

    /**
     * Starts the web console on serve's store. A console that cannot start (its port taken, its label files missing)
     * costs one line, not the schedules: serve goes on without it.
     */
    private AutoCloseable hostConsole(Settings settings, Database db, Clock clock, PrintWriter out, PrintWriter err) {
        try {
            vn.bantin.config.ConsoleSettings console = ConsoleCommand.withListen(
                    vn.bantin.config.ConfigLoader.console(configured.config), listen);
            vn.bantin.console.ConsoleServer server = vn.bantin.console.ConsoleServer.start(settings, console, db.dataSource(),
                    configured.config, clock);
            out.println("  web console on http://" + console.listen().host() + ":" + server.port() + "/");
            return server;
        } catch (RuntimeException e) {
            err.println("warning: the web console did not start (" + firstLine(e) + "); serve runs without it");
            return () -> { };
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** The commands serve answers through its socket, and only those. */
    @Command(name = "serve")
    private static final class Answering {
    }

    /**
     * Waits for SIGTERM or Ctrl-C, trapped so that the stop happens before the JVM begins to shut down: once it has,
     * every shutdown hook runs at once, H2's among them, and H2 closes the database under the jobs still finishing. A shutdown for another reason (another signal, a
     * platform where these cannot be trapped) still stops the service, from a shutdown hook.
     */
    private static int serveUntilStopped(BulletinScheduler service, PrintWriter out, PrintWriter err, Clock clock)
            throws InterruptedException {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        trap(signal -> {
            if (stopRequested.getCount() == 0) {
                err.println(signal + ": already stopping, waiting for the jobs in progress; kill -9 stops at once (an"
                        + " unfinished send job then runs again at the next start)");
            }
            stopRequested.countDown();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bantin-stop"));
        stopRequested.await();
        out.println(time(clock) + " stopping: waiting for the jobs in progress to finish");
        try {
            BulletinScheduler.Stopped s = service.stop();
            out.println(time(clock) + " stopped; " + (s.waiting() == 0 ? "nothing waits in the store"
                    : s.waiting() + " request(s) and send job(s) wait in the store for the next start"));
            return 0;
        } catch (ScheduleException e) {
            err.println("error: " + e.getMessage());
            return Failures.FAILED;
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Calls {@code onSignal} on each SIGTERM and SIGINT. {@code sun.misc.Signal} is in the jdk.unsupported module,
     * which the JDK keeps for exactly this use (JEP 260).
     */
    static List<String> trap(Consumer<String> onSignal) {
        List<String> trapped = new java.util.ArrayList<>();
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), s -> onSignal.accept("SIG" + s.getName()));
                trapped.add("SIG" + name);
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                // not on this platform: the shutdown hook stops the service instead
            }
        }
        return trapped;
    }

    private static String time(Clock clock) {
        return CLOCK.format(clock.instant().atZone(clock.getZone()));
    }

    static String when(Instant t, ZoneId zone) {
        return t == null ? "-" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").format(t.atZone(zone));
    }

    /** One line per job started and finished. */
    private record Printed(PrintWriter out, PrintWriter err, Clock clock) implements SchedulerEvents {
        @Override
        public void started(String job) {
            out.println(time(clock) + " start  " + job);
        }

        @Override
        public void finished(String job, Duration took, String result, String error) {
            String secs = String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
            if (error == null) {
                out.println(time(clock) + " done   " + job + " in " + secs + (result == null ? "" : ": " + result));
            } else {
                err.println(time(clock) + " FAILED " + job + " after " + secs + ": " + error);
            }
        }
    }
}
