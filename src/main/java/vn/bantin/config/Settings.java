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
import vn.bantin.report.TemplateLimits;
import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;
import vn.bantin.source.SourceOptions;

/** Everything read from {@code config/}, validated. */
public record Settings(Organisation organisation, Path dataDir, Path outDir, Path outboxDir, Path templatesDir,
                       ZoneId zone, String language, Method method, Targets targets,
                       Map<SourceFile, SourceFormat> sources, MailFrom mailFrom, List<Recipient> recipients,
                       String storeUrl, Mail mail, Readiness readiness,
                       TemplateLimits templateLimits) {

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

    /** How to read the exports of {@link #dataDir()}. */
    public SourceOptions sourceOptions() {
        return new SourceOptions(dataDir, sources, zone);
    }

    public Settings withDataDir(Path dir) {
        return new Settings(organisation, dir, outDir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, storeUrl, mail, readiness, templateLimits);
    }

    public Settings withOutboxDir(Path dir) {
        return new Settings(organisation, dataDir, outDir, dir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, storeUrl, mail, readiness, templateLimits);
    }

    public Settings withStoreUrl(String url) {
        return new Settings(organisation, dataDir, outDir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, url, mail, readiness, templateLimits);
    }

    /** The same settings reading the templates of {@code dir} (a staged copy of the folder, for an editor's check). */
    public Settings withTemplatesDir(Path dir) {
        return new Settings(organisation, dataDir, outDir, outboxDir, dir, zone, language, method, targets,
                sources, mailFrom, recipients, storeUrl, mail, readiness, templateLimits);
    }

    /** The same settings in another label language ({@code en}), to check and preview that language's files. */
    public Settings withLanguage(String lang) {
        return new Settings(organisation, dataDir, outDir, outboxDir, templatesDir, zone, lang, method, targets,
                sources, mailFrom, recipients, storeUrl, mail, readiness, templateLimits);
    }

    public Settings withOutDir(Path dir) {
        return new Settings(organisation, dataDir, dir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients, storeUrl, mail, readiness, templateLimits);
    }
}
