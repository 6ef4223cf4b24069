package vn.bantin.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import vn.bantin.config.Settings;
import vn.bantin.delivery.Recipient;
import vn.bantin.store.DeliveryKey;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryRow;
import vn.bantin.store.DeliveryStatus;
import vn.bantin.store.RunRow;
import vn.bantin.store.RunStatus;
import vn.bantin.store.RunStore;

/**
 * Whether a run can only repeat an earlier one: the period's latest request ended {@code succeeded} from the same
 * exports, templates and configuration ({@link SettingsFingerprint}), covering the bulletins asked for, and the
 * ledger has every message this run would make as {@code sent} and nothing of them waiting or failed. Such a run
 * would render the same bulletins again only to find every message "sent before"; it renders and sends nothing.
 *
 * <p>A request of the service is several runs (its batches), each of which must have succeeded. The latest requests,
 * newest first, as long as each ran from the same inputs, together must cover the bulletins and every template this
 * run would use: a batch's own request counts, so the province batch of a repeated trigger is a repeat once its unit
 * batch was one. A request that only repeated another (rendered nothing) is passed over to name the run whose
 * bulletins are in the folder.
 */
final class NothingNew {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private NothingNew() {
    }

    /**
     * The earlier run this one would only repeat, or empty when it has anything to do. {@code inputs}: the export
     * checksums and the configuration entries this run records; {@code templates}: its template hashes.
     */
    static Optional<RunResult.Repeat> check(Settings settings, DataSource db, Clock clock, RunRequest request, long runId,
                                            Map<String, String> templates, Map<String, String> inputs) {
        if (request.again() || request.force()) {
            return Optional.empty();
        }
        Path folder = settings.outDir().resolve(request.period().key());
        if (!Files.isRegularFile(folder.resolve("run-summary.txt"))) {
            return Optional.empty(); // its bulletins are gone (or never were): render them
        }
        Optional<Integer> messages = allSent(settings, db, clock, request);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        List<RunRow> runs = new RunStore(db, clock).ofPeriod(request.period().key()).stream().filter(r -> r.id() != runId)
                .toList();
        if (runs.stream().anyMatch(r -> r.status() == RunStatus.RUNNING)) {
            return Optional.empty(); // another run of the period is at work: let the claims and the ledger sort it out
        }
        Map<String, List<RunRow>> requests = new LinkedHashMap<>();
        runs.forEach(r -> requests.computeIfAbsent(r.request(), k -> new ArrayList<>()).add(r));
        // Newest first, the requests that ran from the same inputs, until they cover this run's bulletins and templates:
        // the service's request that this batch belongs to may have run only other bulletins so far.
        Set<String> bulletins = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        List<RunRow> named = null;
        for (List<RunRow> earlier : requests.values()) {
            if (!same(earlier, templates, inputs)) {
                break;
            }
            earlier.forEach(r -> {
                bulletins.addAll(List.of(r.bulletin().split("\\+")));
                used.addAll(r.templateHashes().keySet());
            });
            if (named == null || rendered(named) == 0) {
                named = earlier;
            }
            if (bulletins.containsAll(request.bulletins()) && used.containsAll(templates.keySet()) && rendered(named) > 0) {
                break;
            }
        }
        if (!bulletins.containsAll(request.bulletins()) || !used.containsAll(templates.keySet())) {
            return Optional.empty();
        }
        RunRow first = named.get(named.size() - 1);
        String at = TIME.format(first.startedAt().atZone(settings.zone()));
        String shown = settings.outDir().resolve(request.period().key()).toString();
        String command = command(request);
        return Optional.of(new RunResult.Repeat(first.id(), at, messages.get(), shown, command,
                worded(settings, request.period().key(), Long.toString(first.id()), at, messages.get().toString(), shown,
                        command)));
    }

    /** The line in the operator's language; null (the English line is used) for a labels file older than it. */
    private static String worded(Settings settings, Object... args) {
        try {
            return OperatorWords.of(settings).format("summary.nothingNew", args);
        } catch (vn.bantin.report.ReportException noSuchLine) {
            return null;
        }
    }

    /** The command that runs the request's period and bulletins, for the operator's line. */
    private static String command(RunRequest request) {
        String bulletin = request.bulletins().size() == 1 ? " --bulletin " + request.bulletins().iterator().next() : "";
        return "bantin run --period " + request.period().key() + bulletin;
    }

    /** The request's runs, every one succeeded from the same inputs, with no template of this run's other than now. */
    private static boolean same(List<RunRow> request, Map<String, String> templates, Map<String, String> inputs) {
        for (RunRow r : request) {
            if (r.status() != RunStatus.SUCCEEDED || !r.inputChecksums().equals(inputs)) {
                return false;
            }
            for (Map.Entry<String, String> t : r.templateHashes().entrySet()) {
                if (templates.containsKey(t.getKey()) && !templates.get(t.getKey()).equals(t.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int rendered(List<RunRow> request) {
        return request.stream().mapToInt(r -> r.totals() == null ? 0 : r.totals().made()).sum();
    }

    /**
     * How many messages the run would make, when the ledger has every one of them sent and none of the period's
     * messages to these addresses waiting, failed, refused or uncertain; empty otherwise.
     */
    private static Optional<Integer> allSent(Settings settings, DataSource db, Clock clock, RunRequest request) {
        DeliveryLedger ledger = new DeliveryLedger(db, clock);
        int messages = 0;
        for (String bulletin : request.bulletins()) {
            Map<DeliveryKey, DeliveryStatus> rows = new HashMap<>();
            for (DeliveryRow d : ledger.list(bulletin, request.period().key())) {
                if (request.emails().isEmpty() || request.emails().contains(d.key().email())) {
                    if (d.status() != DeliveryStatus.SENT) {
                        return Optional.empty();
                    }
                    rows.put(d.key(), d.status());
                }
            }
            for (Recipient r : settings.recipients()) {
                if (!request.delivers(r, bulletin)) {
                    continue;
                }
                DeliveryKey key = new DeliveryKey(bulletin, request.period().key(),
                        bulletin.equals(RunRequest.UNIT) ? r.unit() : "", r.email());
                if (rows.get(key) != DeliveryStatus.SENT) {
                    return Optional.empty(); // a recipient added since, or one the data did not have then
                }
                messages++;
            }
        }
        return Optional.of(messages);
    }
}
