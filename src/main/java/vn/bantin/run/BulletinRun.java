package vn.bantin.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import vn.bantin.config.Settings;
import vn.bantin.delivery.Backoff;
import vn.bantin.delivery.EmailTemplateException;
import vn.bantin.delivery.FileNames;
import vn.bantin.delivery.LedgerDelivery;
import vn.bantin.delivery.Message;
import vn.bantin.delivery.MessageComposer;
import vn.bantin.delivery.Recipient;
import vn.bantin.delivery.Sender;
import vn.bantin.indicator.Bulletin766;
import vn.bantin.indicator.Figure;
import vn.bantin.indicator.IndicatorEngine;
import vn.bantin.indicator.IndicatorRow;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Tally;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;
import vn.bantin.report.BulletinContext;
import vn.bantin.report.Comparison;
import vn.bantin.report.IndicatorsCsv;
import vn.bantin.report.JasperRenderer;
import vn.bantin.report.Labels;
import vn.bantin.report.OutputFormats;
import vn.bantin.report.ProvinceParameters;
import vn.bantin.report.RejectsCsv;
import vn.bantin.report.ReportException;
import vn.bantin.report.SourceSummary;
import vn.bantin.report.TemplateCache;
import vn.bantin.report.TemplateFiles;
import vn.bantin.report.TemplateProblems;
import vn.bantin.report.UnitParameters;
import vn.bantin.source.CsvSource;
import vn.bantin.source.FileStats;
import vn.bantin.source.InputChecksums;
import vn.bantin.source.QualityGate;
import vn.bantin.source.QualityGateException;
import vn.bantin.source.SourceOptions;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.AttachmentArchive;
import vn.bantin.store.RenderBusyException;
import vn.bantin.store.DocNumbers;
import vn.bantin.store.RenderClaims;
import vn.bantin.store.RunStatus;
import vn.bantin.store.RunStore;
import vn.bantin.store.RunTotals;
import vn.bantin.store.StoreException;
import vn.bantin.store.SnapshotRow;
import vn.bantin.store.SnapshotStore;

/**
 * One bulletin run end to end: read the exports, compute, write indicators.csv and rejects.csv, render the
 * bulletins, and only then hand the messages to the sender, each through the delivery ledger so that a re-run
 * never sends twice. Anything that fails before delivery leaves no output folder and sends nothing. The run is
 * recorded in the store, and the administrator is told when it fails or a message does not go out.
 */
public final class BulletinRun {
    public static final String PROVINCE = RunRequest.PROVINCE;
    public static final String UNIT = RunRequest.UNIT;

    private final Settings settings;
    private final Sender sender;
    private final Clock clock;
    private final RunListener listener;
    private final DataSource db;
    private final Backoff.Sleeper sleeper;
    private final TemplateCache templates;
    private StopRequest stop = StopRequest.NEVER;
    private SignatureStep signing = SignatureStep.NONE;
    /** Whether the run's inputs are chosen (the latest gathered snapshot of the period, or the data folder). */
    private boolean inputsChosen;
    /** The gathered snapshot the run reads ({@code <period>/<timestamp>}); null: the data folder. */
    private String snapshotId;

    public BulletinRun(Settings settings, Sender sender, Clock clock, RunListener listener, DataSource db) {
        this(settings, sender, clock, listener, db, Backoff.Sleeper.REAL, keptTemplates(settings));
    }

    /** {@code sleeper}: how retries wait (tests pass one that does not sleep). */
    public BulletinRun(Settings settings, Sender sender, Clock clock, RunListener listener, DataSource db,
                       Backoff.Sleeper sleeper) {
        this(settings, sender, clock, listener, db, sleeper, keptTemplates(settings));
    }

    /**
     * {@code sleeper}: how retries wait; {@code templates}: the compiled templates,
     * which a service keeps from one run to the next so that an unchanged template is compiled once.
     */
    public BulletinRun(Settings settings, Sender sender, Clock clock, RunListener listener, DataSource db,
                       Backoff.Sleeper sleeper, TemplateCache templates) {
        this.settings = settings;
        this.sender = sender;
        this.clock = clock;
        this.listener = listener;
        this.db = db;
        this.sleeper = sleeper;
        this.templates = templates;
    }

    /**
     * Compiled templates kept beside the store ({@code var/compiled-templates} by default), so that a process compiles
     * only the templates that changed since an earlier one.
     */
    public static TemplateCache keptTemplates(Settings settings) {
        return TemplateCache.onDisk(AttachmentArchive.folderFor(settings.storeUrl()).resolveSibling("compiled-templates"));
    }

    /** The same run, stopped by {@code stop} between two messages (SIGTERM on {@code run}). */
    public BulletinRun stoppedBy(StopRequest stop) {
        BulletinRun r = new BulletinRun(settings, sender, clock, listener, db, sleeper, templates);
        r.stop = stop;
        r.signing = signing;
        return r;
    }

    /** The same run, signing every PDF it renders with {@code signing} before any message is composed. */
    public BulletinRun signedBy(SignatureStep signing) {
        BulletinRun r = stoppedBy(stop);
        r.signing = signing;
        return r;
    }

    /**
     * Runs {@code request} and records it, however it ends: from its first step (a missing file or a broken label
     * file is a failed run like any other) to its last, with the root cause of a failure, the totals, and a status
     * that is {@code succeeded} only when every message was delivered.
     */
    public RunResult run(RunRequest request) throws IOException {
        if (!inputsChosen) {
            // The latest complete snapshot gathered for the period, when there is one; else the data folder.
            RunInputs inputs = RunInputs.of(settings, request.period());
            BulletinRun chosen = new BulletinRun(inputs.settings(), sender, clock, listener, db, sleeper, templates);
            chosen.stop = stop;
            chosen.signing = signing;
            chosen.inputsChosen = true;
            chosen.snapshotId = inputs.snapshotId();
            return chosen.run(request);
        }
        Instant started = clock.instant();
        RunStore runs = new RunStore(db, clock);
        runs.markAbandoned();
        long runId = runs.begin(String.join("+", request.bulletins()), request.period(), request.requestId(), request.cause());
        try {
            RunResult result = checkedRun(request, runId, runs, started);
            RunStatus status = statusOf(result);
            runs.end(runId, status, totals(result), summary(result, status));
            if (!result.notMade().isEmpty()) {
                new AdminNotice(settings, sender).bulletinsNotMade(result, runId);
            }
            if (result.failedDeliveries() > 0 || result.interrupted()) {
                new AdminNotice(settings, sender).deliveriesFailed(result, runId);
            }
            return result;
        } catch (RenderBusyException e) {
            // It did not get to render (or lost its claim): nothing was sent; a later run, or the service's retry of
            // the batch, does it. Recorded as cut off rather than failed, so that the retry's outcome is the batch's.
            runs.end(runId, RunStatus.INTERRUPTED, null, e.getMessage());
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            recordFailure(runs, runId, e);
            if (!(e instanceof Error) && !(e instanceof StoreException)) {
                new AdminNotice(settings, sender).runFailed(request, runId, (Exception) e);
            }
            throw e;
        }
    }

    private RunResult checkedRun(RunRequest request, long runId, RunStore runs, Instant started) throws IOException {
        // Wording and templates are checked before the data is read: a broken template fails in a second.
        ResourceBundle labels = Labels.load(settings.templatesDir(), settings.language());
        MessageComposer composer = new MessageComposer(settings.templatesDir(), settings.language());
        OperatorWords.of(settings); // the summary and the administrator's emails can be worded before anything is sent
        JasperRenderer renderer = new JasperRenderer(settings.templatesDir(), templates, settings.templateLimits());
        SignatureStep.Signer signer = openSigner(request, runId);
        List<RunResult.NotMade> notMade = new ArrayList<>();
        Set<String> makeable = new LinkedHashSet<>();
        for (String bulletin : request.bulletins()) {
            try {
                if (bulletin.equals(PROVINCE)) {
                    renderer.compileProvince();
                } else {
                    renderer.compileUnit();
                }
                makeable.add(bulletin);
            } catch (ReportException e) {
                notMadeOrThrow(e, bulletin, null, request, notMade);
            }
        }
        SourceOptions options = settings.sourceOptions();
        CsvSource.checkAll(options);
        Map<String, String> templateHashes = templateHashes(renderer);
        // The exports' checksums (and of the files that change the 766 figures), then the configuration the messages
        // depend on: history keeps both, and a repeat is told by them.
        Map<String, String> inputs = new java.util.LinkedHashMap<>(InputChecksums.of(options, settings.figureFiles()));
        inputs.putAll(SettingsFingerprint.of(settings));
        runs.recordInputs(runId, templateHashes, inputs);
        runs.recordSnapshot(runId, snapshotId);
        keepTemplates(templateHashes);
        if (notMade.isEmpty()) {
            var repeat = NothingNew.check(settings, db, clock, request, runId, templateHashes, inputs);
            if (repeat.isPresent()) {
                return nothingNew(request, repeat.get(), started);
            }
        }
        if (makeable.isEmpty()) {
            throw new ReportException(String.join("\n", notMade.stream().map(RunResult.NotMade::problem).toList()));
        }
        return produceAndDeliver(request.onlyBulletins(makeable), runId, started, labels, composer, renderer, signer, options,
                notMade);
    }

    /**
     * A repeat of a period already delivered from the same inputs: nothing read, rendered or sent; every message it
     * would have made counts as sent before, and the output folder is left as the earlier run wrote it.
     */
    private RunResult nothingNew(RunRequest request, RunResult.Repeat repeat, Instant started) {
        Path folder = Path.of(repeat.folder());
        List<RunResult.Delivery> deliveries = new ArrayList<>();
        for (String bulletin : request.bulletins()) {
            for (Recipient r : settings.recipients()) {
                if (request.delivers(r, bulletin)) {
                    deliveries.add(new RunResult.Delivery(r.name(), r.email(), "already-sent", "sent before, by run #"
                            + repeat.runId() + " or an earlier one", null));
                }
            }
        }
        return new RunResult(request.period(), folder, List.of(), folder.resolve("indicators.csv"), folder.resolve("rejects.csv"),
                folder.resolve("run-summary.txt"), List.of(), deliveries, List.of(), Duration.between(started, clock.instant()),
                0, false, repeat);
    }

    /** How many days before its certificate expires a run warns the operator and the administrator. */
    public static final java.time.Duration EXPIRY_WARNING = java.time.Duration.ofDays(30);

    /**
     * The key that signs the run's PDFs, opened before anything is rendered: a signature that cannot be made stops the
     * run with its one line; a certificate that expires soon is told to the administrator, once a day (serve runs a
     * batch every few minutes).
     */
    private SignatureStep.Signer openSigner(RunRequest request, long runId) {
        if (settings.sign().configured() && signing == SignatureStep.NONE) {
            throw new SignatureException("sign.keystore is set, but this run was started without a way to sign: nothing is"
                    + " sent unsigned; start it from 'bantin run', 'bantin serve' or the console");
        }
        SignatureStep.Signer signer = signing.open();
        String warning = expiryWarning(signer.certificate());
        if (warning != null && new CertificateWarnings(settings.store().archiveFolder().resolveSibling("certificate-warnings"))
                .firstToday(signer.certificate().fingerprint(), clock.instant().atZone(settings.zone()).toLocalDate())) {
            new AdminNotice(settings, sender).certificateExpiring(request, runId, warning);
        }
        return signer;
    }

    /** The run summary's line about a signing certificate that expires within {@link #EXPIRY_WARNING}; else null. */
    private String expiryWarning(SignatureStep.SignerCertificate certificate) {
        if (certificate == null || certificate.notAfter().isAfter(clock.instant().plus(EXPIRY_WARNING))) {
            return null;
        }
        long days = java.time.Duration.between(clock.instant(), certificate.notAfter()).toDays();
        return OperatorWords.of(settings).format("summary.certificateExpiring", certificate.subject(),
                LocalDateTime.ofInstant(certificate.notAfter(), settings.zone()).toLocalDate().toString(), Long.toString(days),
                settings.sign().keystore().toString());
    }

    /** Succeeded only when every message went out (now or before); a run that sent some but not all is incomplete. */
    static RunStatus statusOf(RunResult result) {
        if (!result.notMade().isEmpty()) {
            return RunStatus.FAILED;
        }
        if (result.interrupted()) {
            return RunStatus.INTERRUPTED;
        }
        return result.failedDeliveries() > 0 ? RunStatus.INCOMPLETE : RunStatus.SUCCEEDED;
    }

    private static RunTotals totals(RunResult r) {
        return new RunTotals(r.made(), (int) r.count("sent"), (int) r.count("already-sent"), (int) r.failedDeliveries());
    }

    private static String summary(RunResult result, RunStatus status) {
        if (result.repeat() != null) {
            return result.nothingNew();
        }
        String s = totals(result).describe();
        if (status == RunStatus.INTERRUPTED) {
            s += "; stopped on request after " + result.deliveries().size() + " message(s): the next run of the period sends"
                    + " the rest";
        }
        if (!result.notMade().isEmpty()) {
            s += "; not made: " + String.join("; ", result.notMadeByProblem().stream().map(RunResult.NotMadeGroup::describe).toList());
        }
        return s;
    }

    /**
     * The request's totals so far: the runs of the same request that ended (the service's earlier batches) and this
     * one; a CLI run is a request of its own.
     */
    private RequestTotals requestSoFar(RunRequest request, long runId, RunResult result) {
        RunTotals total = totals(result);
        int runs = 1;
        Set<String> bulletins = new LinkedHashSet<>(request.bulletins());
        if (request.requestId() != null) {
            for (var r : new RunStore(db, clock).ofRequest(request.requestId())) {
                if (r.id() != runId) {
                    runs++;
                    bulletins.addAll(List.of(r.bulletin().split("\\+")));
                    if (r.totals() != null) {
                        total = total.plus(r.totals());
                    }
                }
            }
        }
        // In the order the program names them (province, unit), whichever batch ran first.
        Set<String> ordered = new LinkedHashSet<>();
        List.of(PROVINCE, UNIT).stream().filter(bulletins::contains).forEach(ordered::add);
        ordered.addAll(bulletins);
        return new RequestTotals(request.requestId(), request.cause(), ordered, runs, total);
    }

    /** What the request's summary counts: its id (null for a CLI run), who asked, its bulletins, runs and totals. */
    record RequestTotals(String id, String cause, Set<String> bulletins, int runs, RunTotals totals) {
    }

    private List<vn.bantin.store.DeliveryRow> ledgerRows(Set<String> bulletins, Period period) {
        List<vn.bantin.store.DeliveryRow> rows = new ArrayList<>();
        DeliveryLedger ledger = new DeliveryLedger(db, clock);
        bulletins.forEach(b -> rows.addAll(ledger.list(b, period.key())));
        return rows;
    }

    /** Best effort: a store that cannot record the failure must not hide the failure itself. */
    private static void recordFailure(RunStore runs, long runId, Throwable e) {
        try {
            runs.end(runId, RunStatus.FAILED, null, Causes.describe(e));
        } catch (RuntimeException | Error notRecorded) {
            e.addSuppressed(notRecorded);
        }
    }

    /**
     * A template's problem stops only the bulletins made from it; any other problem (an unwritable output folder)
     * stops the run.
     */
    private void notMadeOrThrow(ReportException e, String bulletin, String unit, RunRequest request, List<RunResult.NotMade> out) {
        if (e.template() == null) {
            throw e;
        }
        notMade(bulletin, unit, TemplateProblems.describe(e), request, out, RunResult.Cause.TEMPLATE);
    }

    private void notMade(String bulletin, String unit, String problem, RunRequest request, List<RunResult.NotMade> out,
                         RunResult.Cause cause) {
        List<String> recipients = settings.recipients().stream()
                .filter(r -> request.delivers(r, bulletin) && (unit == null || unit.equals(r.unit())))
                .map(Recipient::email).toList();
        out.add(new RunResult.NotMade(bulletin, unit, problem, recipients, cause));
        listener.notMade(bulletin, unit, problem);
    }

    /** Every template file the run uses is kept once by its hash, so that {@code run --reproduce} can use it again. */
    private void keepTemplates(Map<String, String> hashes) {
        AttachmentArchive archive = new AttachmentArchive(db, clock, settings.store().archiveFolder());
        Path base = settings.templatesDir().toAbsolutePath().normalize();
        hashes.forEach((file, hash) -> archive.keepFile(base.resolve(file), hash));
    }

    /** The content hash of each template the run compiled and of the files they share (styles, images, wording). */
    private Map<String, String> templateHashes(JasperRenderer renderer) throws IOException {
        Path base = settings.templatesDir().toAbsolutePath().normalize();
        Map<String, String> hashes = new java.util.TreeMap<>();
        renderer.usedTemplates().forEach((path, hash) -> hashes.put(base.relativize(path).toString(), hash));
        hashes.putAll(TemplateFiles.sharedFileHashes(base));
        return hashes;
    }

    private RunResult produceAndDeliver(RunRequest request, long runId, Instant started, ResourceBundle labels,
                                        MessageComposer composer, JasperRenderer renderer, SignatureStep.Signer signer,
                                        SourceOptions options, List<RunResult.NotMade> notMade) throws IOException {
        Period period = request.period();
        LocalDateTime readAt = LocalDateTime.ofInstant(started, settings.zone());
        OutputFolder folder = new OutputFolder(settings.outDir(), period.key());
        RenderClaims.Held claim = null;
        try {
            Path staging = folder.staging();
            // A unit bulletin compares with the previous period and the same period a year earlier: one pass for all.
            List<Period> periods = request.wants(UNIT) ? List.of(period, period.previous(), period.sameLastYear()) : List.of(period);
            InputCheck.Result checked;
            try (RejectsCsv rejects = new RejectsCsv(staging.resolve("rejects.csv"))) {
                checked = InputCheck.check(settings, periods, request.force(), r -> request.delivers(r, UNIT), rejects,
                        listener, readAt.toLocalDate());
            }
            // From here to the files in place, this period of these bulletins is this run's alone across every
            // process on the store: reading the exports above may overlap, the snapshots and the files may not.
            claim = claimRender(request, runId);
            Gathering.Gathered data = checked.data();
            UnitTree tree = data.tree();
            List<FileStats> stats = data.stats();
            stopWhenTooBroken(checked.breaches(), stats, options, folder, period);
            if (!checked.notReady().isEmpty()) {
                throw new NotReadyException(Readiness.notReady(checked.notReady(), period, request.force()), checked.notReady());
            }
            List<RunResult.Delivery> deliveries = new ArrayList<>();
            skipUnknownUnits(checked.unknownUnits(), deliveries);

            ProvinceParameters parameters = new ProvinceParameters(labels);
            RunFigures figures = RunFigures.of(settings, db, data, period, parameters);
            Indicators indicators = figures.indicators();
            Bulletin766 d766 = figures.d766();
            List<IndicatorRow> rows = figures.rows();
            IndicatorsCsv.write(staging.resolve("indicators.csv"), period, rows);
            new SnapshotStore(db).replace(runId, period.key(), rows.stream().map(SnapshotRow::of).toList());
            BulletinContext context = figures.context(settings, data, readAt);

            List<Path> bulletins = new ArrayList<>();
            List<Rendered> rendered = new ArrayList<>();
            if (request.wants(PROVINCE)) {
                Map<String, Object> values = parameters.build(indicators, tree, numbered(settings, db, clock, context, period));
                String stem = "ban-tin-" + period.key() + "-tinh";
                render(new Rendered(PROVINCE, null, values, "tinh", stem, settings.outputFormats()),
                        dir -> renderer.renderProvince(values, labels, settings.outputFormats(), dir, stem),
                        folder, request, rendered, notMade);
            }
            if (request.wants(UNIT)) {
                RunFigures.ForUnits against = figures.forUnits(this, data, period);
                List<Callable<Attempt>> work = new ArrayList<>();
                for (String code : unitsToRender(request)) {
                    Unit unit = tree.find(code).orElse(null);
                    if (unit == null) {
                        continue; // its recipients are skipped below, each with the line of recipients.csv
                    }
                    work.add(() -> {
                        Map<String, Object> values = UnitParameters.build(unit, indicators, against.rankings(),
                                against.previous(), against.yearAgo(), tree, context, labels);
                        // A readable part and a hash of the exact code: codes that differ only in punctuation, case or
                        // accents (H-TT.X, H-TT_X) never share a file, so nobody is sent another unit's bulletin.
                        String stem = "ban-tin-" + period.key() + "-" + FileNames.of(code);
                        return attempt(new Rendered(UNIT, code, values, "don-vi", stem, settings.outputFormats()),
                                dir -> renderer.renderUnit(values, labels, settings.outputFormats(), dir, stem), folder);
                    });
                }
                RenderPool.run(settings.render().threads(), work, a -> settle(a, folder, request, rendered, notMade));
            }

            // Every PDF is signed, every file written and checked, and every bulletin's message composed once, before
            // the first goes out: a signature that cannot be made or a broken email template stops its bulletin, not
            // half of its messages.
            for (Rendered r : List.copyOf(rendered)) {
                try {
                    signer.sign(staging.resolve(r.files().get(0)));
                    composer.check(r.bulletin(), r.values());
                } catch (SignatureException | EmailTemplateException e) {
                    rendered.remove(r);
                    deleteHalfMade(staging, r);
                    notMade(r.bulletin(), r.unit(), e.getMessage(), request, notMade, e instanceof SignatureException
                            ? RunResult.Cause.SIGNATURE : RunResult.Cause.TEMPLATE);
                }
            }
            claim.check();
            Path out = request.emails().isEmpty() ? folder.commit() : folder.merge();
            // The files are in place: another node may render the period while this one sends (the ledger keeps
            // each message to one sender).
            claim.close();
            // One delivery for the whole run: a server that is down makes it wait once, not once per message.
            LedgerDelivery delivery = new LedgerDelivery(new DeliveryLedger(db, clock, settings.mail().lease()), sender,
                    settings.mail().backoff(), sleeper);
            for (Rendered r : rendered) {
                List<Path> files = r.files().stream().map(out::resolve).toList();
                bulletins.addAll(files);
                deliver(request, runId, r, files, composer, delivery, deliveries);
            }
            Path summary = out.resolve("run-summary.txt");
            RunResult result = new RunResult(period, out, bulletins, out.resolve("indicators.csv"), out.resolve("rejects.csv"),
                    summary, stats, deliveries, List.copyOf(notMade), Duration.between(started, clock.instant()), rendered.size(),
                    stop.asked(), null);
            RequestTotals soFar = requestSoFar(request, runId, result);
            RunSummary.write(result, settings, options, started, soFar, ledgerRows(soFar.bulletins(), period),
                    warnings(d766, signer));
            return result;
        } catch (IOException | RuntimeException e) {
            folder.discard();
            throw e;
        } finally {
            if (claim != null) {
                claim.close();
            }
        }
    }

    /**
     * Waits for and takes the render claims of the request's period: those of its bulletins when it adds its files to
     * the period's folder (a batch), of every bulletin when it replaces the folder (a whole run), always in the order
     * province, unit, so that two runs never wait for each other. While it waits, the run records that it is alive.
     */
    /** The province bulletin with its running number of the year, when the store counts them (org.doc-number.running). */
    static BulletinContext numbered(Settings settings, DataSource db, Clock clock, BulletinContext context, Period period) {
        if (!settings.organisation().runningNumber()) {
            return context;
        }
        return context.withDocNumber(new DocNumbers(db, clock).take(context.issued().getYear(), period.key(), "province"));
    }

    private RenderClaims.Held claimRender(RunRequest request, long runId) {
        List<String> bulletins = new ArrayList<>(List.of(PROVINCE, UNIT));
        if (!request.emails().isEmpty()) {
            bulletins.retainAll(request.bulletins());
        }
        RenderClaims claims = new RenderClaims(db, clock, settings.render().lease(), settings.render().maxWait());
        RunStore runs = new RunStore(db, clock);
        return claims.acquire(bulletins, request.period().key(), (holder, waited) -> {
            runs.heartbeat(runId);
            listener.waitingForRender(holder, waited);
        }, stop::asked);
    }

    /**
     * Writes one bulletin's files into the staging folder and keeps it for delivery; a template's problem
     * stops this bulletin only, and what it had written is removed.
     */
    private void render(Rendered bulletin, BulletinWriter writer, OutputFolder folder, RunRequest request,
                        List<Rendered> rendered, List<RunResult.NotMade> notMade) throws IOException {
        settle(attempt(bulletin, writer, folder), folder, request, rendered, notMade);
    }

    /** A bulletin's files written, or the template problem that stopped them (on any thread of the render pool). */
    private record Attempt(Rendered bulletin, ReportException problem) {}

    private static Attempt attempt(Rendered bulletin, BulletinWriter writer, OutputFolder folder) throws IOException {
        Path staging = folder.staging();
        Files.createDirectories(staging.resolve(bulletin.folder()));
        try {
            writer.write(staging.resolve(bulletin.folder()));
            return new Attempt(bulletin, null);
        } catch (ReportException e) {
            return new Attempt(bulletin, e);
        }
    }

    /** Keeps the bulletin for delivery, or records why it was not made; on the run's thread, in the order of the units. */
    private void settle(Attempt a, OutputFolder folder, RunRequest request, List<Rendered> rendered,
                        List<RunResult.NotMade> notMade) throws IOException {
        if (a.problem() == null) {
            rendered.add(a.bulletin());
            listener.rendered(folder.target().resolve(a.bulletin().files().get(0)));
        } else {
            deleteHalfMade(folder.staging(), a.bulletin());
            notMadeOrThrow(a.problem(), a.bulletin().bulletin(), a.bulletin().unit(), request, notMade);
        }
    }

    /** Writes a bulletin's files (PDF, and workbook and Word document as configured) into this folder. */
    @FunctionalInterface
    private interface BulletinWriter {
        void write(Path dir);
    }

    /** A bulletin that is not sent is not left beside the others either (say, the PDF of one whose workbook failed). */
    private static void deleteHalfMade(Path staging, Rendered bulletin) throws IOException {
        for (Path f : bulletin.files()) {
            Files.deleteIfExists(staging.resolve(f));
        }
    }

    /**
     * A bulletin rendered for delivery: the province's ({@code unit} null) or one unit's, its PDF
     * {@code folder/stem.pdf} in the run's folder, then its {@code .xlsx} and {@code .docx} as {@code formats} says.
     */
    private record Rendered(String bulletin, String unit, Map<String, Object> values, String folder, String stem,
                            OutputFormats formats) {
        List<Path> files() {
            return formats.files(Path.of(folder), stem);
        }
    }

    /**
     * A comparison period's figures: computed from the exports when they span that whole period, otherwise the
     * snapshots kept by the run that made it (a monthly export holds one month, plus stray rows of the month before
     * that must not pass for it); null when neither has any.
     */
    Comparison comparison(IndicatorEngine engine, UnitTree tree, Tally tally, List<FileStats> stats,
                          Period measuredIn) {
        if (Readiness.covers(stats, tally.period())) {
            return Comparison.of(measuredIn == null ? engine.compute(tree, tally) : engine.compute(tree, tally, measuredIn));
        }
        List<SnapshotRow> kept = new SnapshotStore(db).read(tally.period().key());
        if (kept.isEmpty()) {
            return null;
        }
        Map<String, Double> figures = new java.util.HashMap<>();
        Set<String> localities = new java.util.HashSet<>();
        for (SnapshotRow r : kept) {
            boolean unitOrLocality = r.scope() == IndicatorRow.Scope.UNIT || r.scope() == IndicatorRow.Scope.LOCALITY;
            if (unitOrLocality && r.value() instanceof Figure.Value v) {
                figures.put(r.indicator() + "|" + r.scopeCode(), v.value());
            }
            if (r.scope() == IndicatorRow.Scope.LOCALITY) {
                localities.add(r.scopeCode());
            }
        }
        return Comparison.of(tally.period(), figures, localities);
    }

    /** Units that have a recipient of their bulletin in this request, in the recipients list's order. */
    private Set<String> unitsToRender(RunRequest request) {
        Set<String> codes = new java.util.LinkedHashSet<>();
        for (Recipient r : settings.recipients()) {
            if (request.delivers(r, UNIT)) {
                codes.add(r.unit());
            }
        }
        return codes;
    }

    /**
     * A recipient whose unit is not in the data is told about, not retried: no later run of the same exports could
     * serve it, and counting it as undelivered would fail every run until recipients.csv is corrected.
     */
    private void skipUnknownUnits(List<Recipient> unknown, List<RunResult.Delivery> deliveries) {
        for (Recipient r : unknown) {
            String why = InputCheck.unknownUnit(r, settings);
            deliveries.add(new RunResult.Delivery(r.name(), r.email(), "skipped", "skipped: " + why, null));
            listener.delivered(r.email(), "skipped: " + why);
        }
    }

    /** Figures from files with too many rejected rows are not published; their rejects are kept for the operator. */
    private static void stopWhenTooBroken(List<QualityGate.Breach> breaches, List<FileStats> stats, SourceOptions options,
                                          OutputFolder folder, Period period) throws IOException {
        if (breaches.isEmpty()) {
            return;
        }
        Path stopped = folder.staging().resolve("run-summary.txt");
        String message = SourceReport.stop(breaches, folder.target().resolveSibling(period.key() + ".stopped")
                .resolve("rejects.csv").toString());
        Files.writeString(stopped, message + "\n\n" + SourceReport.of(stats, options), StandardCharsets.UTF_8);
        folder.keepAs(period.key() + ".stopped");
        throw new QualityGateException(message, breaches);
    }

    private void deliver(RunRequest request, long runId, Rendered bulletin, List<Path> files, MessageComposer composer,
                         LedgerDelivery delivery, List<RunResult.Delivery> out) {
        AttachmentArchive archive = new AttachmentArchive(db, clock, settings.store().archiveFolder());
        for (Recipient r : settings.recipients()) {
            if (!request.delivers(r, bulletin.bulletin()) || (bulletin.unit() != null && !bulletin.unit().equals(r.unit()))) {
                continue;
            }
            if (stop.asked()) {
                // Between two messages: the one in flight has finished; the rest wait for the next run.
                return;
            }
            Message m = composer.compose(bulletin.bulletin(), r, bulletin.values(), files,
                    bulletin.stem() + "--" + FileNames.of(r.email().strip().toLowerCase(Locale.ROOT)));
            LedgerDelivery.Outcome outcome = delivery.deliver(bulletin.bulletin(), request.period().key(), bulletin.unit(), m,
                    runId);
            if (outcome instanceof LedgerDelivery.Outcome.Sent sent) {
                // What the recipient got is kept as it was sent: a later run renders out/ again.
                archive.keep(bulletin.bulletin(), request.period().key(), sent.messageId(), files, runId);
            }
            RunResult.Delivery d = RunResult.Delivery.of(r, outcome);
            out.add(d);
            new RunStore(db, clock).heartbeat(runId);
            listener.delivered(r.email(), d.failed() ? "not delivered: " + d.error() : d.where());
        }
    }

    /**
     * The run summary's notes: a signing certificate that expires soon; Decision 766's years without holidays listed;
     * official-766.csv's rows read, used and rejected (counted like every export's), and those of other periods.
     */
    private List<String> warnings(Bulletin766 d766, SignatureStep.Signer signer) {
        List<String> out = new ArrayList<>();
        String expiry = expiryWarning(signer.certificate());
        if (expiry != null) {
            out.add(expiry);
        }
        if (d766 == null) {
            return out;
        }
        OperatorWords w = OperatorWords.of(settings);
        for (int year : d766.scores().yearsWithoutHolidays()) {
            out.add(w.format("summary.noHolidays", Integer.toString(year)));
        }
        if (d766.official().fileFound()) {
            out.add(w.format("summary.officialRows", Long.toString(d766.official().rowsRead()),
                    Long.toString(d766.official().usedRows()), Long.toString(d766.official().rejectedRows())));
        }
        if (d766.official().otherRows() > 0) {
            out.add(w.format("summary.officialOtherPeriods", Long.toString(d766.official().otherRows())));
        }
        return out;
    }

    static List<SourceSummary> summaries(List<FileStats> stats) {
        return stats.stream().map(s -> new SourceSummary(s.fileName(), s.source().key(), s.rowsRead(), s.rowsCounted(),
                s.rowsRejected())).toList();
    }
}
