package vn.bantin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.BulletinRun;
import vn.bantin.run.RunRequest;
import vn.bantin.run.RunResult;
import vn.bantin.run.Resends;
import vn.bantin.run.Senders;
import vn.bantin.run.StopRequest;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryRow;
import vn.bantin.store.Resend;
import vn.bantin.store.StoreFiles;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Compute a period's indicators, render the bulletins and deliver them (to the outbox when no mail"
                + " server is set). A message already delivered for the period is not sent again.")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--period", paramLabel = "P",
            description = "2022 (year), 2022-12 (month), 2022-Q4 (quarter) or 2022-01-01..2022-06-30 (range)")
    private String period;

    @Mixin
    private Configured configured;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out.dir of the config)")
    private Path out;

    @Option(names = "--outbox", paramLabel = "DIR", description = "outbox folder for .eml files (default: outbox.dir of the config)")
    private Path outbox;

    @Option(names = "--force", description = "make the bulletin even when the exports do not reach the period's end")
    private boolean force;

    @Option(names = "--bulletin", paramLabel = "B", defaultValue = "all",
            description = "province, unit, or all (default: ${DEFAULT-VALUE})")
    private String bulletin;

    @Option(names = "--resend", paramLabel = "ADDRESS",
            description = "send this recipient's copy again on purpose, even if it was delivered; nobody else gets one")
    private String resend;

    @Option(names = "--resend-failed",
            description = "send again every message of the period that was refused or failed (after fixing the relay or the"
                    + " addresses); prints how many and to whom first")
    private boolean resendFailed;

    @Option(names = "--again",
            description = "render and deliver in full even when an earlier run of the period delivered every message from"
                    + " the same data, templates and recipients (such a repeat otherwise renders and sends nothing)")
    private boolean again;

    @Option(names = "--reproduce", paramLabel = "RUN_ID",
            description = "make run RUN_ID's bulletins again (from its archived inputs and templates) into --to; sends nothing")
    private Long reproduce;

    @Option(names = "--to", paramLabel = "DIR", description = "with --reproduce: the folder the bulletins go to")
    private Path to;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (reproduce != null) {
            return reproduce(o);
        }
        if (period == null) {
            throw new picocli.CommandLine.MissingParameterException(spec.commandLine(), spec.findOption("--period"),
                    "Missing required option: '--period=P'");
        }
        Period p = Period.parse(period);
        Settings settings = configured.settings();
        if (out != null) {
            settings = settings.withOutDir(out);
        }
        if (outbox != null) {
            settings = settings.withOutboxDir(outbox);
        }
        Clock clock = Clock.system(settings.zone());
        Set<String> bulletins = switch (bulletin.strip().toLowerCase(Locale.ROOT)) {
            case "province" -> Set.of(RunRequest.PROVINCE);
            case "unit" -> Set.of(RunRequest.UNIT);
            case "all" -> new LinkedHashSet<>(List.of(RunRequest.PROVINCE, RunRequest.UNIT));
            default -> throw new IllegalArgumentException("--bulletin " + bulletin + " is not known; use province, unit or all");
        };
        Optional<Path> serving = StoreFiles.of(settings.storeUrl()).map(StoreFiles::socket).filter(ServiceChannel::answers);
        if (serving.isPresent()) {
            spec.commandLine().getErr().println("error: serve is running and holds the store " + Database.where(settings.storeUrl())
                    + "; have it send with: java -jar target/bantin.jar trigger --bulletin " + String.join(",", bulletins)
                    + " --period " + period.strip() + (force ? " --force" : "")
                    + " (or stop serve to run by hand)");
            return Failures.FAILED;
        }
        try (Database db = Database.open(settings.store())) {
            Set<String> only = new LinkedHashSet<>();
            if (resend != null) {
                String email = resend.strip().toLowerCase(Locale.ROOT);
                for (String b : bulletins) {
                    Resend r = new DeliveryLedger(db.dataSource(), clock).resend(b, p.key(), email);
                    o.printf("resend %s of %s to %s: %s%n", b, p.key(), email, r.name().toLowerCase(Locale.ROOT));
                }
                only.add(email);
            }
            if (resendFailed) {
                Set<String> again = queueFailed(new DeliveryLedger(db.dataSource(), clock), bulletins, p, o);
                if (again.isEmpty()) {
                    return 0;
                }
                only.addAll(again);
            }
            o.printf("bantin: %s for %s (%s .. %s), data from %s, messages to the %s%n", String.join(" and ", bulletins),
                    p.key(), p.start(), p.end(), vn.bantin.run.RunInputs.of(settings, p).describe(), Senders.describe(settings));
            StopRequest stop = new StopRequest();
            RunRequest request = new RunRequest(p, bulletins, only, force,
                    resend != null ? "resend" : resendFailed ? "resend-failed" : "cli");
            if (again || resend != null || resendFailed) {
                request = request.inFull();
            }
            RunProgress progress = RunProgress.of(o, System.console() != null, request, settings.recipients());
            BulletinRun run = new BulletinRun(settings, Senders.from(settings, clock), clock, progress, db.dataSource())
                    .stoppedBy(stop).signedBy(vn.bantin.sign.PadesSigning.of(settings, clock));
            RunResult r;
            try (StopSignals signals = StopSignals.trap(signal -> {
                spec.commandLine().getErr().println(signal + ": stopping after the message in flight; the run is recorded as"
                        + " interrupted and the next run of " + p.key() + " sends the rest");
                stop.ask();
            })) {
                r = run.run(request);
            }
            if (r.repeat() != null) {
                o.println(r.nothingNew());
                o.printf("  %d message(s) sent, %d already sent before, %d not delivered%n", r.count("sent"),
                        r.count("already-sent"), r.failedDeliveries());
                return 0;
            }
            o.printf("done in %.1f s: %d rows rejected (see %s)%n", r.took().toMillis() / 1000.0, r.rejectedRows(), r.rejects());
            List<Path> units = r.bulletins().stream().filter(b -> b.getParent().getFileName().toString().equals("don-vi")).toList();
            r.bulletins().stream().filter(b -> !units.contains(b)).forEach(b -> o.println("  bulletin   " + b));
            if (!units.isEmpty()) {
                o.printf("  units      %d bulletins (%s) in %s%n", units.size() / settings.outputFormats().chosen().size(),
                        settings.outputFormats().describe(), units.get(0).getParent());
            }
            o.println("  indicators " + r.indicators());
            o.println("  summary    " + r.summary());
            o.printf("  %d message(s) sent, %d already sent before, %d not delivered%n", r.count("sent"), r.count("already-sent"),
                    r.failedDeliveries());
            // One line per reason: a server that is down is one line for its 158 messages, not 158.
            Map<String, List<RunResult.Delivery>> byError = new LinkedHashMap<>();
            r.deliveries().stream().filter(RunResult.Delivery::failed)
                    .forEach(d -> byError.computeIfAbsent(d.error(), e -> new ArrayList<>()).add(d));
            byError.forEach((error, ds) -> spec.commandLine().getErr().println(ds.size() == 1
                    ? "error: not delivered to " + ds.get(0).email() + " (" + ds.get(0).status() + "): " + error
                    : "error: " + ds.size() + " messages not delivered (" + String.join(", ", ds.stream().limit(3).map(RunResult.Delivery::email)
                    .toList()) + (ds.size() > 3 ? " and " + (ds.size() - 3) + " more" : "") + "): " + error
                    + "; the next run sends them"));
            for (RunResult.NotMadeGroup g : r.notMadeByProblem()) {
                spec.commandLine().getErr().println("error: " + g.what() + " not made, so not sent to " + g.recipients()
                        + " recipient(s): " + g.problem());
            }
            String advice = r.retryAdvice(bulletin.equals("all") ? "" : " --bulletin " + bulletin);
            if (!advice.isEmpty()) {
                spec.commandLine().getErr().println("what happens next: " + advice);
            }
            if (r.interrupted()) {
                spec.commandLine().getErr().println("interrupted: " + r.deliveries().size() + " message(s) handled before the"
                        + " stop; run the same command again to send the rest (nothing is sent twice)");
                return Failures.FAILED;
            }
            if (!r.notMade().isEmpty()) {
                return Failures.BAD_INPUT;
            }
            return r.failedDeliveries() == 0 ? 0 : Failures.FAILED;
        }
    }

    /** {@code run --reproduce RUN_ID --to DIR}: the run's bulletins again, nothing sent nor recorded. */
    private int reproduce(PrintWriter o) throws java.io.IOException {
        if (to == null) {
            throw new picocli.CommandLine.MissingParameterException(spec.commandLine(), spec.findOption("--to"),
                    "Missing required option: '--to=DIR'");
        }
        Settings settings = configured.settings();
        try (Database db = Database.open(settings.store())) {
            vn.bantin.run.Reproduction.Made made = vn.bantin.run.Reproduction.make(settings, db.dataSource(), reproduce, to);
            o.println("run " + made.runId() + " (" + made.periodKey() + ") made again from " + made.inputs()
                    + " and the templates it used; nothing sent:");
            made.files().stream().limit(4).forEach(f -> o.println("  " + f));
            if (made.files().size() > 4) {
                o.println("  … and " + (made.files().size() - 4) + " more in " + to);
            }
            return 0;
        }
    }

    /**
     * Makes every refused or failed message of the period's bulletins pending again, after saying how many and to
     * whom; returns their addresses (empty: nothing to send again).
     */
    private static Set<String> queueFailed(DeliveryLedger ledger, Set<String> bulletins, Period p, PrintWriter o) {
        List<DeliveryRow> again = Resends.failed(ledger, bulletins, p);
        if (again.isEmpty()) {
            o.printf("resend-failed: no message of %s for %s was refused or failed; nothing to send again%n",
                    String.join(" or ", bulletins), p.key());
            return Set.of();
        }
        o.printf("resend-failed: %d message(s) of %s were refused or failed and are sent again:%n", again.size(), p.key());
        for (DeliveryRow d : again) {
            o.printf("  %-8s %-40s %s after %d attempt(s): %s%n", d.key().bulletin(), d.key().email(),
                    d.status().name().toLowerCase(Locale.ROOT), d.attempts(), d.lastError() == null ? "" : d.lastError());
        }
        return Resends.queue(ledger, again);
    }
}
