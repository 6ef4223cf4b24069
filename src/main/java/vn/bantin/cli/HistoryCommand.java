package vn.bantin.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.store.AttachmentArchive;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryRow;
import vn.bantin.store.RequestRow;
import vn.bantin.store.RunRow;
import vn.bantin.store.RunStore;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Show recent runs (what ran, when, with which data, how it ended) and, for a period, every delivery"
                + " with its status and last error. Works whether or not the service is running.")
final class HistoryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private Configured configured;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20",
            description = "how many recent runs (a service request's batches count as one; default: ${DEFAULT-VALUE})")
    private int runs;

    @Option(names = "--period", paramLabel = "P", description = "also list the deliveries of this period")
    private String period;

    @Option(names = "--bulletin", paramLabel = "B", defaultValue = "province",
            description = "with --period: province or unit (default: ${DEFAULT-VALUE})")
    private String bulletin;

    /** Set when serve answers this command on its own store. */
    private final InService inService;

    HistoryCommand() {
        this(null);
    }

    HistoryCommand(InService inService) {
        this.inService = inService;
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (inService != null) {
            return print(o, inService.store(), inService.where(), inService.settings());
        }
        Settings settings = configured.settings();
        List<String> forwarded = new ArrayList<>(List.of("history", "--runs", Integer.toString(runs), "--bulletin", bulletin));
        if (period != null) {
            forwarded.addAll(List.of("--period", period));
        }
        Optional<Integer> answered = InService.ask(settings.storeUrl(), forwarded, o, spec.commandLine().getErr());
        if (answered.isPresent()) {
            return answered.get();
        }
        try (Database db = Database.open(settings.store())) {
            return print(o, db.dataSource(), db.where(), settings);
        }
    }

    private int print(PrintWriter o, DataSource db, String where, Settings settings) {
        ZoneId zone = settings.zone();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        RunStore store = new RunStore(db, Clock.system(zone));
        store.markAbandoned();
        List<RequestRow> recent = store.recentRequests(runs);
        o.println(recent.isEmpty() ? "no runs yet in " + where : "runs (newest first) in " + where);
        for (RequestRow q : recent) {
            RunRow first = q.runs().get(0);
            o.printf(Locale.ROOT, "  #%-5d %-9s %-16s %-11s started %s%s%n", first.id(), q.periodKey(),
                    String.join("+", q.bulletins()), q.status().id(), time.format(q.startedAt()),
                    q.finishedAt() == null ? "" : ", took " + seconds(q.startedAt(), q.finishedAt()));
            boolean batches = q.runs().size() > 1;
            o.println("    " + q.totals().describe() + (batches ? " in " + q.runs().size() + " batches" : "")
                    + (q.cause() == null ? "" : q.cause().contains(" ") ? "; " + q.cause() : "; asked by " + q.cause())
                    + (batches || first.node() == null ? "" : "; ran on " + first.node()));
            // Which inputs it read: a gathered snapshot, or the data folder as it was then.
            String inputs = store.snapshotOf(first.id()).map(id -> "inputs " + settings.inputsDir().resolve(id))
                    .orElse(first.inputChecksums().isEmpty() ? null : "inputs from the data folder");
            if (inputs != null) {
                o.println("    " + inputs);
            }
            for (RunRow r : q.runs()) {
                // The sentence of a run that did not succeed, unless it only repeats the totals above; with several
                // batches, each batch with the node that ran it.
                boolean onlyTotals = r.totals() != null && r.totals().describe().equals(r.message());
                // A succeeded run's sentence is its totals, except a repeat's, which says it had nothing new to do.
                boolean sentence = r.message() != null && !onlyTotals;
                if (batches) {
                    o.println("    #" + r.id() + " " + r.bulletin() + " " + r.status().id()
                            + (r.node() == null ? "" : " on " + r.node())
                            + (sentence ? ": " + r.message() : r.totals() != null ? ": " + r.totals().describe() : ""));
                } else if (sentence) {
                    o.println("    " + r.message());
                }
            }
        }
        if (period != null) {
            String key = Period.parse(period).key();
            List<DeliveryRow> rows = new DeliveryLedger(db, Clock.system(zone)).list(bulletin, key);
            Map<String, Integer> byStatus = new TreeMap<>();
            rows.forEach(d -> byStatus.merge(d.status().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
            o.println("deliveries of the " + bulletin + " bulletin for " + key + ": " + (rows.isEmpty() ? "none"
                    : String.join(", ", byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())));
            AttachmentArchive archive = new AttachmentArchive(db, Clock.system(zone),
                    settings.store().archiveFolder());
            for (DeliveryRow d : rows) {
                o.printf(Locale.ROOT, "  %-40s %-9s attempts %d, %s%s%s%n", d.key().email(), d.status().name().toLowerCase(Locale.ROOT),
                        d.attempts(), time.format(d.updatedAt()), d.sentBy() == null ? "" : ", sent by " + d.sentBy(),
                        d.lastError() == null ? "" : " — " + d.lastError());
                for (AttachmentArchive.Kept k : archive.of(d.id())) {
                    o.printf(Locale.ROOT, "      sent %s (%,d bytes) kept as %s%n", k.fileName(), k.size(), k.file());
                }
            }
        }
        return 0;
    }

    private static String seconds(java.time.Instant from, java.time.Instant to) {
        return String.format(Locale.ROOT, "%.1f s", (to.toEpochMilli() - from.toEpochMilli()) / 1000.0);
    }
}
