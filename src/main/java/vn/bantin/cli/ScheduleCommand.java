package vn.bantin.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.schedule.BulletinScheduler;
import vn.bantin.schedule.ScheduleException;
import vn.bantin.schedule.Schedules;
import vn.bantin.schedule.ServiceInstance;
import vn.bantin.schedule.TriggerInfo;
import vn.bantin.store.Database;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "List the schedules with their next and previous fire times, whether serve is running, and the"
                + " requests and send jobs waiting in the database. Works with or without serve running.")
final class ScheduleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Configured configured;


    /** Set when serve answers this command on its own store. */
    private final InService inService;

    ScheduleCommand() {
        this(null);
    }

    ScheduleCommand(InService inService) {
        this.inService = inService;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (inService != null) {
            return print(out, inService.store(), inService.settings(), inService.schedules());
        }
        Settings settings = configured.settings();
        Schedules schedules = Schedules.load(configured.config, settings.zone());
        Optional<Integer> answered = InService.ask(settings.storeUrl(), List.of("schedule"), out, spec.commandLine().getErr());
        if (answered.isPresent()) {
            return answered.get();
        }
        try (Database db = Database.open(settings.store())) {
            return print(out, db.dataSource(), settings, schedules);
        }
    }

    private int print(PrintWriter out, DataSource store, Settings settings, Schedules schedules) {
        Clock clock = Clock.system(settings.zone());
        try (BulletinScheduler client = BulletinScheduler.client(store, schedules, clock)) {
            printServices(out, client.instances(), clock.instant());
            out.println("schedules of " + schedules.file() + ":");
            printTriggers(out, client.listTriggers());
            List<BulletinScheduler.Pending> pending = client.pending();
            out.println(pending.isEmpty() ? "nothing waits in the store" : pending.size() + " waiting in the store:");
            for (BulletinScheduler.Pending p : pending) {
                out.println("  " + p.description() + ", due " + ServeCommand.when(p.due(), settings.zone()) + ", " + p.state());
            }
            return 0;
        } catch (ScheduleException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Failures.FAILED;
        }
    }

    static void printServices(PrintWriter out, List<ServiceInstance> instances, Instant now) {
        List<ServiceInstance> alive = instances.stream().filter(i -> i.alive(now)).toList();
        if (alive.isEmpty()) {
            out.println("serve: not running (no recent check-in in the database)");
        }
        for (ServiceInstance i : alive) {
            out.println("serve: running as " + i.id() + " (checked in " + Duration.between(i.lastCheckin(), now).toSeconds()
                    + " s ago)");
        }
    }

    static void printTriggers(PrintWriter out, List<TriggerInfo> triggers) {
        if (triggers.isEmpty()) {
            out.println("  (no schedule)");
        }
        for (TriggerInfo t : triggers) {
            out.printf("  %-10s %-22s %-15s %-14s next %-22s previous %-22s %s%n", t.name(), t.cron(), t.period(),
                    String.join(",", t.bulletins()), ServeCommand.when(t.next(), t.zone()),
                    ServeCommand.when(t.previous(), t.zone()), t.state());
        }
    }
}
