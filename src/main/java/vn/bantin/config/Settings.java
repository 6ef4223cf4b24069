package vn.bantin.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import vn.bantin.delivery.Backoff;
import vn.bantin.delivery.MailFrom;
import vn.bantin.delivery.SmtpSettings;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Method;
import vn.bantin.indicator.Targets;
import vn.bantin.report.OutputFormats;
import vn.bantin.report.TemplateLimits;
import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;
import vn.bantin.source.SourceOptions;

/** Everything read from {@code config/}, validated. */
public record Settings(Organisation organisation, Path dataDir, Path outDir, Path outboxDir, Path templatesDir,
                       ZoneId zone, String language, Method method, Targets targets,
                       Map<SourceFile, SourceFormat> sources, MailFrom mailFrom, List<Recipient> recipients,
                       vn.bantin.store.StoreAddress store, Mail mail, Readiness readiness,
                       TemplateLimits templateLimits, Render render, Inputs inputs,
                       Decision766 decision766, OutputFormats outputFormats, Signing sign) {

    /** The store's URL ({@code store.url}, or {@code --store}). */
    public String storeUrl() {
        return store.url();
    }

    /**
     * Gathered inputs: the folder of the snapshots ({@code dir} null: {@code inputs} beside the store's archive,
     * {@code var/inputs}), how many snapshots of a period {@code inputs prune} keeps, and the exports pulled from a
     * database or a web service.
     */
    public record Inputs(Path dir, int keep, Map<SourceFile, vn.bantin.source.RemoteSource> remotes) {
        public static final Inputs NONE = new Inputs(null, 12, Map.of());
    }

    /** The folder of gathered snapshots, {@code <folder>/<period>/<timestamp>/}. */
    public Path inputsDir() {
        return inputs.dir() != null ? inputs.dir()
                : store.archiveFolder().resolveSibling("inputs");
    }

    /**
     * Decision 766: the points rule, the working-day calendar (holidays.csv, read from {@code holidaysFile}: the path
     * as configured, which may be missing when it is the default), and the names of the two optional files of the data
     * folder, official-766.csv (with its header names, column → the export's headers) and unit-changes.csv.
     */
    public record Decision766(vn.bantin.indicator.Scoring766 scoring, vn.bantin.indicator.WorkingDays workingDays,
                              String officialFile, Map<String, List<String>> officialColumns, String unitChangesFile,
                              Path holidaysFile) {}

    /**
     * The files besides the five exports that change a bulletin's figures, by the name a run records them under:
     * official-766.csv and unit-changes.csv of the data folder (by file name, like the exports) and the working-day
     * calendar (by its path as configured, e.g. {@code config/holidays.csv}). Each may be missing.
     */
    public Map<String, Path> figureFiles() {
        Map<String, Path> files = new java.util.LinkedHashMap<>();
        files.put(decision766.officialFile(), dataDir.resolve(decision766.officialFile()));
        files.put(decision766.unitChangesFile(), dataDir.resolve(decision766.unitChangesFile()));
        files.put(decision766.holidaysFile().toString().replace('\\', '/'), decision766.holidaysFile());
        return files;
    }

    /** A scheduled run whose exports do not reach the period's end is tried again every {@code retryEvery}. */
    public record Readiness(java.time.Duration retryEvery, int maxRetries) {}

    /**
     * How messages leave: through {@code smtp} (null: written to the outbox), retried after the waits of
     * {@code backoff}; {@code adminEmail} (null: nobody) is told when a run fails or a message does not go out.
     */
    public record Mail(SmtpSettings smtp, Backoff backoff, String adminEmail, java.time.Duration lease) {
        /**
         * {@code lease}: how long a claim in the delivery ledger holds a message before another sender may take it
         * over; longer than the longest attempt the SMTP timeouts allow.
         */
        public Mail(SmtpSettings smtp, Backoff backoff, String adminEmail) {
            this(smtp, backoff, adminEmail, vn.bantin.store.DeliveryLedger.DEFAULT_LEASE);
        }
    }

    /**
     * The render claim of a period ({@code render_claim}): held for {@code lease} unless renewed (a third of it apart)
     * before another node may take it over; a run waits up to {@code maxWait} for another node rendering the same period.
     */
    public record Render(java.time.Duration lease, java.time.Duration maxWait, int threads) {
        public static final Render DEFAULT = new Render(vn.bantin.store.RenderClaims.DEFAULT_LEASE,
                vn.bantin.store.RenderClaims.DEFAULT_WAIT);

        /** With {@code threads}, how many unit bulletins are rendered at once: by default one per core. */
        public Render(java.time.Duration lease, java.time.Duration maxWait) {
            this(lease, maxWait, Runtime.getRuntime().availableProcessors());
        }
    }

    /** How to read the exports of {@link #dataDir()}. */
    public SourceOptions sourceOptions() {
        return new SourceOptions(dataDir, sources, zone);
    }

    /** The same settings reading the exports as {@code options} says (a gathered snapshot). */
    public Settings withSourceOptions(SourceOptions options) {
        return new Settings(organisation, options.dataDir(), outDir, outboxDir, templatesDir, zone, language, method,
                targets, Map.copyOf(options.formats()), mailFrom, recipients, store, mail, readiness, templateLimits, render, inputs, decision766, outputFormats, sign);
    }

    public Settings withDataDir(Path dir) {
        return new Settings(organisation, dir, outDir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, store, mail, readiness, templateLimits, render, inputs, decision766, outputFormats, sign);
    }

    public Settings withOutboxDir(Path dir) {
        return new Settings(organisation, dataDir, outDir, dir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, store, mail, readiness, templateLimits, render, inputs, decision766, outputFormats, sign);
    }

    public Settings withStoreUrl(String url) {
        return new Settings(organisation, dataDir, outDir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, store.withUrl(url), mail, readiness, templateLimits, render, inputs, decision766, outputFormats, sign);
    }

    /** The same settings logging in to the (PostgreSQL) store as {@code user}: the command line's {@code --store-user}. */
    public Settings withStoreUser(String user) {
        return new Settings(organisation, dataDir, outDir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, store.withUser(user), mail, readiness, templateLimits, render, inputs, decision766, outputFormats, sign);
    }

    /** The same settings reading the templates of {@code dir} (a staged copy of the folder, for an editor's check). */
    public Settings withTemplatesDir(Path dir) {
        return new Settings(organisation, dataDir, outDir, outboxDir, dir, zone, language, method, targets,
                sources, mailFrom, recipients, store, mail, readiness, templateLimits, render, inputs, decision766, outputFormats, sign);
    }

    /** The same settings in another label language ({@code en}), to check and preview that language's files. */
    public Settings withLanguage(String lang) {
        return new Settings(organisation, dataDir, outDir, outboxDir, templatesDir, zone, lang, method, targets,
                sources, mailFrom, recipients, store, mail, readiness, templateLimits, render, inputs, decision766, outputFormats, sign);
    }

    public Settings withOutDir(Path dir) {
        return new Settings(organisation, dataDir, dir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, store, mail, readiness, templateLimits, render, inputs, decision766, outputFormats, sign);
    }

    /** The same settings signing the PDFs as {@code sign} says. */
    public Settings withSign(Signing sign) {
        return new Settings(organisation, dataDir, outDir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, store, mail, readiness, templateLimits, render, inputs, decision766, outputFormats, sign);
    }
}
