package vn.bantin.console;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import vn.bantin.config.Settings;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Period;
import vn.bantin.report.TemplateCache;
import vn.bantin.run.BulletinRun;
import vn.bantin.run.Preview;
import vn.bantin.run.Resends;
import vn.bantin.run.RunRequest;
import vn.bantin.run.RunResult;
import vn.bantin.run.Senders;
import vn.bantin.schedule.BulletinScheduler;
import vn.bantin.schedule.Schedules;
import vn.bantin.store.AuditTrail;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryRow;
import vn.bantin.store.RequestRow;
import vn.bantin.store.RunStore;

/**
 * What the console's pages and its API do, on the code paths of the CLI: a run is {@link BulletinRun#run} as for
 * {@code run}, a preview is {@link Preview#render} as for {@code preview}, a resend is the ledger's resend and
 * {@link Resends} as for {@code run --resend}/{@code --resend-failed}, a pause is the scheduler's. Each one is
 * written to the audit trail with who asked. Roles are checked by the caller, before.
 */
final class ConsoleActions {
    /** A request the console refuses, worded for the person who asked (shown on the page, or as the API's error). */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Said said;

        Refused(Said said) {
            super(said.english());
            this.said = said;
        }

        /** Already in the reader's words (a label), or a text whose source gives no key: shown as it is. */
        Refused(String shown) {
            this(new Said(null, java.util.List.of(), shown));
        }

        Said said() {
            return said;
        }
    }

    /** What Run now asks: {@code bulletin} province, unit, all or one (with {@code unit}); {@code send} false: preview only. */
    record Ask(String bulletin, String unit, String period, boolean send) {}

    private final Settings settings;
    private final DataSource db;
    private final Clock clock;
    private final Path configDir;
    private final LiveRuns live;
    private final AuditTrail audit;
    /** Kept from run to run, as serve keeps its own: an unchanged template is compiled once. */
    private final TemplateCache templates = new TemplateCache();

    ConsoleActions(Settings settings, DataSource db, Clock clock, Path configDir, LiveRuns live) {
        this.settings = settings;
        this.db = db;
        this.clock = clock;
        this.configDir = configDir;
        this.live = live;
        this.audit = new AuditTrail(db, clock);
    }

    Settings settings() {
        return settings;
    }

    DataSource db() {
        return db;
    }

    Clock clock() {
        return clock;
    }

    LiveRuns live() {
        return live;
    }

    /** Starts a run (or a preview) and returns the id of its live progress. */
    String run(String actor, Ask ask) {
        Period period;
        try {
            period = Period.parse(ask.period() == null ? "" : ask.period());
        } catch (Period.NotAPeriod e) {
            throw new Refused(notAPeriod(e));
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
        String bulletin = ask.bulletin() == null ? "" : ask.bulletin().strip().toLowerCase(Locale.ROOT);
        String unit = ask.unit() == null ? "" : ask.unit().strip();
        Set<String> bulletins = switch (bulletin) {
            case "province" -> Set.of(RunRequest.PROVINCE);
            case "unit", "one" -> Set.of(RunRequest.UNIT);
            case "all" -> new LinkedHashSet<>(List.of(RunRequest.PROVINCE, RunRequest.UNIT));
            default -> throw new Refused(Said.of("refused.bulletin", "bulletin '" + ask.bulletin()
                    + "' is not known; choose province, unit, all or one unit", ask.bulletin()));
        };
        if (bulletin.equals("one") && unit.isEmpty()) {
            throw new Refused(Said.of("refused.chooseUnit", "choose the unit whose bulletin to make"));
        }
        String what = String.join("+", bulletins) + (bulletin.equals("one") ? " " + unit : "") + " " + period.key();
        String named = String.join("+", bulletins) + (bulletin.equals("one") ? " " + unit : "");
        if (!ask.send()) {
            if (bulletin.equals("unit") || bulletin.equals("all") && !unit.isEmpty()) {
                throw new Refused(Said.of("refused.previewOne", "a preview shows one bulletin: choose the province's or one unit's"));
            }
            String code = bulletin.equals("one") ? unit : null;
            audit(actor, "preview", what, Said.word("kind.", String.join("+", bulletins)), bulletin.equals("one") ? " " + unit : "",
                    period.key());
            Path folder = settings.outDir().resolve("preview").resolve(period.key());
            return live.start(new LiveRuns.What("preview", named, period.key()), null, listener -> {
                Preview.render(settings, period, code, folder).forEach(listener::rendered);
                return List.of();
            });
        }
        Set<String> emails = Set.of();
        if (bulletin.equals("one")) {
            Set<String> of = new LinkedHashSet<>();
            for (Recipient r : settings.recipients()) {
                if (unit.equals(r.unit()) && r.receives(RunRequest.UNIT)) {
                    of.add(r.email().toLowerCase(Locale.ROOT));
                }
            }
            if (of.isEmpty()) {
                throw new Refused(Said.of("refused.noUnitRecipient", "no recipient in recipients.csv receives the unit bulletin of '"
                        + unit + "'", unit));
            }
            emails = of;
        }
        String cause = "console " + actor;
        String requestId = "console-" + UUID.randomUUID();
        RunRequest request = new RunRequest(period, bulletins, emails, false, cause, requestId);
        audit(actor, "run", what, Said.word("kind.", String.join("+", bulletins)), bulletin.equals("one") ? " " + unit : "", period.key());
        return launch(new LiveRuns.What("run", named, period.key()), request);
    }

    private String launch(LiveRuns.What what, RunRequest request) {
        return live.start(what, request.requestId(), listener -> {
            // A serve's batch of the same period rendering at this moment holds the period's render claim: this run waits.
            RunResult r = new BulletinRun(settings, Senders.from(settings, clock), clock, listener, db,
                    vn.bantin.delivery.Backoff.Sleeper.REAL, templates).signedBy(vn.bantin.sign.PadesSigning.of(settings, clock))
                    .run(request);
            if (r.repeat() != null) {
                // Nothing rendered or sent: the page says why, and how to send again.
                return List.<RunNote>of(new RunNote.NothingNew(request.period().key(), r.repeat(), r.nothingNew()));
            }
            LiveRuns.notDelivered(listener, (int) r.failedDeliveries());
            // The counts are on the page; beyond them a person must know which bulletins were not made, and why.
            return r.notMadeByProblem().stream().map(RunNote.NotMade::of).map(RunNote.class::cast).toList();
        });
    }

    /**
     * Sends one recipient's copy of the request's bulletins again ({@code email}), or every refused or failed
     * message of them ({@code email} null), then runs the request's period for those addresses only.
     */
    String resend(String actor, String requestId, String email) {
        RequestRow q = request(requestId).orElseThrow(() -> new Refused(Said.of("refused.noRun", "no run '" + requestId + "'",
                requestId)));
        Period period = period(q);
        DeliveryLedger ledger = new DeliveryLedger(db, clock);
        Set<String> emails;
        if (email != null && !email.isBlank()) {
            String e = email.strip().toLowerCase(Locale.ROOT);
            boolean known = false;
            for (String b : q.bulletins()) {
                for (DeliveryRow d : ledger.list(b, q.periodKey())) {
                    if (d.key().email().equals(e)) {
                        known = true;
                    }
                }
            }
            if (!known) {
                throw new Refused(Said.of("refused.noDelivery", "no delivery of this run went to " + e, e));
            }
            for (String b : q.bulletins()) {
                ledger.resend(b, q.periodKey(), e);
            }
            emails = Set.of(e);
        } else {
            List<DeliveryRow> failed = Resends.failed(ledger, q.bulletins(), period);
            if (failed.isEmpty()) {
                throw new Refused(Said.of("refused.nothingToResend", "no message of this run was refused or failed: nothing to send again"));
            }
            emails = Resends.queue(ledger, failed);
        }
        audit(actor, "resend", String.join("+", q.bulletins()) + " " + q.periodKey() + " to " + String.join(", ", emails),
                Said.word("kind.", String.join("+", q.bulletins())), q.periodKey(), String.join(", ", emails));
        RunRequest request = new RunRequest(period, new LinkedHashSet<>(q.bulletins()), emails, false,
                "console " + actor + " resend", "console-" + UUID.randomUUID()).inFull();
        return launch(new LiveRuns.What("resend", String.join("+", q.bulletins()), q.periodKey()), request);
    }

    /** The period a request ran, as recorded (its key, with the start and end of a range). */
    static Period period(RequestRow q) {
        var first = q.runs().get(0);
        try {
            return Period.parse(first.periodKey());
        } catch (IllegalArgumentException range) {
            return Period.parse(first.periodStart() + ".." + first.periodEnd());
        }
    }

    Optional<RequestRow> request(String id) {
        RunStore store = new RunStore(db, clock);
        if (id.startsWith("run-")) {
            try {
                return store.find(Long.parseLong(id.substring(4))).map(r -> new RequestRow(r.request(), List.of(r)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        List<vn.bantin.store.RunRow> runs = store.ofRequest(id);
        return runs.isEmpty() ? Optional.empty() : Optional.of(new RequestRow(id, runs));
    }

    List<DeliveryRow> deliveries(RequestRow q) {
        DeliveryLedger ledger = new DeliveryLedger(db, clock);
        List<DeliveryRow> out = new java.util.ArrayList<>();
        for (String b : q.bulletins()) {
            out.addAll(ledger.list(b, q.periodKey()));
        }
        return out;
    }

    void pause(String actor, String schedule, boolean paused) {
        try (BulletinScheduler client = BulletinScheduler.client(db, schedules(), clock)) {
            if (!client.pause(schedule, paused)) {
                throw new Refused(Said.of("refused.noSchedule", "no schedule '" + schedule
                        + "' in the store (serve adds the schedules of the config when it starts)", schedule));
            }
        }
        audit(actor, paused ? "schedule.pause" : "schedule.resume", schedule, schedule);
    }

    /** Records in the audit trail with the details' words: label {@code audit.details.<action>} and its values. */
    private void audit(String actor, String action, String english, String... args) {
        audit.record(actor, action, english, "audit.details." + action, List.of(args));
    }

    /** Why a text is not a period, as {@link Period#parse} says it, in words of label {@code refused.period.<reason>}. */
    static Said notAPeriod(Period.NotAPeriod e) {
        return new Said("refused.period." + e.reason(), e.args(), e.getMessage());
    }

    Schedules schedules() {
        return Schedules.load(configDir, settings.zone());
    }
}
