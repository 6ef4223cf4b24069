package vn.bantin.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import vn.bantin.delivery.MailFrom;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Method;
import vn.bantin.indicator.Targets;
import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;
import vn.bantin.source.SourceOptions;

/** Everything read from {@code config/}, validated. */
public record Settings(Organisation organisation, Path dataDir, Path outDir, Path outboxDir, Path templatesDir,
                       ZoneId zone, String language, Method method, Targets targets,
                       Map<SourceFile, SourceFormat> sources, MailFrom mailFrom, List<Recipient> recipients) {

    /** How to read the exports of {@link #dataDir()}. */
    public SourceOptions sourceOptions() {
        return new SourceOptions(dataDir, sources, zone);
    }

    public Settings withDataDir(Path dir) {
        return new Settings(organisation, dir, outDir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients);
    }

    public Settings withOutboxDir(Path dir) {
        return new Settings(organisation, dataDir, outDir, dir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients);
    }

    public Settings withOutDir(Path dir) {
        return new Settings(organisation, dataDir, dir, outboxDir, templatesDir, zone, language, method, targets,
                sources, mailFrom, recipients);
    }
}
