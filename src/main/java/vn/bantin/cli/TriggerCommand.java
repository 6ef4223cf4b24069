package vn.bantin.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.schedule.BulletinScheduler;
import vn.bantin.schedule.Bulletins;
import vn.bantin.schedule.ScheduleException;
import vn.bantin.schedule.Schedules;
import vn.bantin.schedule.ServiceInstance;
import vn.bantin.store.Database;

@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = "Ask the running serve to send a bulletin now: serve, reached through the socket beside its store,"
                + " stores the request and takes it on its next poll. Without a running serve nothing is stored (unless"
                + " --queue): use run instead.")
final class TriggerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Configured configured;

    @Option(names = "--bulletin", required = true, split = ",", paramLabel = "province|unit",
            description = "which bulletin: province, unit, or both as province,unit")
    private List<String> bulletins;

    @Option(names = "--period", required = true, paramLabel = "P",
            description = "2022 (year), 2022-12 (month), 2022-Q4 (quarter) or 2022-01-01..2022-06-30 (range)")
    private String period;

    @Option(names = "--force", description = "as run --force: make the bulletin even when the exports do not reach the period's end")
    private boolean force;

    @Option(names = "--queue", description = "store the request even when no serve is running: it runs when serve starts")
    private boolean queue;


    /** Set when serve answers this command on its own store. */
    private final InService inService;

    TriggerCommand() {
        this(null);
    }

    TriggerCommand(InService inService) {
        this.inService = inService;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Period p = Period.parse(period);
        for (String b : bulletins) {
            if (!Bulletins.known(b)) {
                throw new IllegalArgumentException("--bulletin " + b + " is not known; use province, unit, or province,unit");
            }
        }
        if (inService != null) {
            return request(out, err, p, inService.store(), inService.schedules(), Clock.system(inService.settings().zone()));
        }
        Settings settings = configured.settings();
        Schedules schedules = Schedules.load(configured.config, settings.zone());
        List<String> forwarded = new ArrayList<>(List.of("trigger", "--bulletin", String.join(",", bulletins), "--period", period));
        if (force) {
            forwarded.add("--force");
        }
        if (queue) {
            forwarded.add("--queue");
        }
        Optional<Integer> answered = InService.ask(settings.storeUrl(), forwarded, out, err);
        if (answered.isPresent()) {
            return answered.get();
        }
        try (Database db = Database.open(settings.store())) {
            return request(out, err, p, db.dataSource(), schedules, Clock.system(settings.zone()));
        }
    }

    /** Stores the request when a serve runs on {@code store} (or with --queue), and says when it will run. */
    private int request(PrintWriter out, PrintWriter err, Period p, DataSource store, Schedules schedules, Clock clock) {
        try (BulletinScheduler client = BulletinScheduler.client(store, schedules, clock)) {
            List<ServiceInstance> alive = client.aliveInstances();
            String what = String.join(" and ", bulletins) + " bulletin of " + p.key() + (force ? " (force)" : "");
            if (alive.isEmpty() && !queue) {
                err.println("serve is not running (no check-in in the database's QRTZ_SCHEDULER_STATE within its"
                        + " check-in interval): nothing was stored.");
                err.println("To send the " + what + " now without serve: " + equivalentRun()
                        + "; or add --queue to leave the request for the next serve start.");
                return Failures.FAILED;
            }
            // One request for all the bulletins asked: one run in the record, with one set of totals.
            BulletinScheduler.Requested r = client.requestRun(bulletins, p, force, requester());
            out.println("stored request " + r.id() + ": " + what);
            if (alive.isEmpty()) {
                out.println("serve is not running: the request runs when it starts (`schedule` lists it meanwhile)");
            } else {
                ServiceInstance i = alive.get(0);
                out.println("serve (" + i.id() + ", checked in " + Duration.between(i.lastCheckin(), clock.instant()).toSeconds()
                        + " s ago) takes it within " + schedules.poll().toSeconds() + " s; its output shows the sends");
            }
            return 0;
        } catch (ScheduleException e) {
            err.println("error: " + e.getMessage());
            return Failures.FAILED;
        }
    }

    private static String requester() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "someone") + "@" + host + " (bantin trigger)";
    }

    /** The run that does what this trigger asks, and only that: the same bulletins, period, force and folders. */
    private String equivalentRun() {
        List<String> words = new ArrayList<>(List.of("java", "-jar", "target/bantin.jar", "run", "--period", period.strip(),
                "--bulletin", Set.copyOf(bulletins).size() > 1 ? "all" : bulletins.get(0)));
        if (force) {
            words.add("--force");
        }
        if (!configured.config.equals(Path.of("config"))) {
            words.addAll(List.of("--config", configured.config.toString()));
        }
        if (configured.data != null) {
            words.addAll(List.of("--data", configured.data.toString()));
        }
        if (configured.store != null) {
            words.addAll(List.of("--store", configured.store));
        }
        if (configured.storeUser != null) {
            words.addAll(List.of("--store-user", configured.storeUser));
        }
        return String.join(" ", words.stream().map(TriggerCommand::quoted).toList());
    }

    /** A word as a POSIX shell reads it back. */
    private static String quoted(String word) {
        return word.matches("[A-Za-z0-9_./:=,@+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
