package vn.bantin.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import vn.bantin.config.Settings;
import vn.bantin.delivery.RecipientTable;
import vn.bantin.indicator.Period;
import vn.bantin.run.RecipientsEdit;
import vn.bantin.run.RecipientsEditor;
import vn.bantin.run.TemplateEdit;
import vn.bantin.run.TemplateEditor;
import vn.bantin.store.AuditTrail;
import vn.bantin.store.FileVersions;

/**
 * The Templates and Recipients pages' actions, on the editors of {@code run} that the CLI's {@code templates} and
 * {@code recipients} commands use; publish, discard, roll back and every change of the recipients go to the audit
 * trail. Staging checks and renders two bulletins (10–50 s), so it runs on a thread of its own and the page polls it.
 */
final class EditorActions implements AutoCloseable {
    /** A staging in progress or ended: {@code result} null while it runs; {@code failure} a sentence when it broke. */
    record Staging(String id, String path, String by, TemplateEdit result, String failure) {
        boolean running() {
            return result == null && failure == null;
        }
    }

    /** The folder under out.dir for the candidates' staged copies and previews. */
    static final String CANDIDATES = "candidates";
    private static final Pattern DATE = Pattern.compile("(?:(\\d{2})/(\\d{2})/(\\d{4}))|(?:(\\d{4})-(\\d{2})-\\d{2})");

    private final Settings settings;
    private final Clock clock;
    private final TemplateEditor templates;
    private final RecipientsEditor recipients;
    private final AuditTrail audit;
    private final Map<String, Staging> stagings = new ConcurrentHashMap<>();
    /** One staging at a time: each renders two bulletins, and the machine is the bulletins' too. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-staging");
        t.setDaemon(true);
        return t;
    });
    private volatile YearMonth lastDataMonth;

    EditorActions(Settings settings, DataSource db, Clock clock, Path configDir) {
        this.settings = settings;
        this.clock = clock;
        FileVersions versions = new FileVersions(db, clock);
        this.templates = new TemplateEditor(settings, versions, settings.outDir().resolve(CANDIDATES));
        this.recipients = new RecipientsEditor(configDir, settings, versions);
        this.audit = new AuditTrail(db, clock);
    }

    TemplateEditor templates() {
        return templates;
    }

    RecipientsEditor recipients() {
        return recipients;
    }

    /**
     * The period previews are made with: the previous closed month, or, when the data ends before it, the last month
     * the data has (the sample data is 2022's).
     */
    Period previewPeriod() {
        YearMonth previous = YearMonth.now(clock).minusMonths(1);
        YearMonth last = lastDataMonth();
        return Period.parse((last != null && last.isBefore(previous) ? last : previous).toString());
    }

    private YearMonth lastDataMonth() {
        if (lastDataMonth == null) {
            YearMonth max = null;
            Path dossiers = settings.dataDir().resolve("dossiers.csv");
            if (Files.isRegularFile(dossiers)) {
                try (Stream<String> lines = Files.lines(dossiers)) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        Matcher m = DATE.matcher(line);
                        if (m.find()) { // the received date comes first
                            YearMonth ym = m.group(3) != null
                                    ? YearMonth.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)))
                                    : YearMonth.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
                            if (max == null || ym.isAfter(max)) {
                                max = ym;
                            }
                        }
                    }
                } catch (IOException | UncheckedIOException | java.time.DateTimeException e) {
                    return null; // the default stays the previous month; the preview then says what the data lacks
                }
            }
            lastDataMonth = max;
        }
        return lastDataMonth;
    }

    /** Starts staging a new version of {@code path}; returns the id the page polls. */
    String stage(String actor, String path, byte[] content, Period period) {
        return start(actor, path, () -> templates.stage(path, content, actor, period));
    }

    /** Starts staging the label file {@code path} with {@code changes} (key to new text). */
    String stageWording(String actor, String path, Map<String, String> changes, Period period) {
        return start(actor, path, () -> templates.stageWording(path, changes, actor, period));
    }

    private String start(String actor, String path, Supplier<TemplateEdit> job) {
        String id = UUID.randomUUID().toString();
        stagings.put(id, new Staging(id, path, actor, null, null));
        worker.submit(() -> {
            try {
                stagings.put(id, new Staging(id, path, actor, job.get(), null));
            } catch (RuntimeException e) {
                stagings.put(id, new Staging(id, path, actor, null, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
        return id;
    }

    Optional<Staging> staging(String id) {
        return Optional.ofNullable(stagings.get(id));
    }

    TemplateEdit publish(String actor, long candidate) {
        TemplateEdit r = templates.publish(candidate, actor, previewPeriod());
        if (r instanceof TemplateEdit.Published p) {
            audit(actor, "template.publish", p.version().path() + " version " + p.version().version() + " (candidate " + candidate + ")",
                    p.version().path(), p.version().version(), candidate);
        }
        return r;
    }

    TemplateEdit discard(String actor, long candidate) {
        TemplateEdit r = templates.discard(candidate, actor);
        if (r instanceof TemplateEdit.Discarded d) {
            audit(actor, "template.discard", d.candidate().path() + " (candidate " + candidate + ")", d.candidate().path(), candidate);
        }
        return r;
    }

    TemplateEdit rollBack(String actor, String path, int version) {
        TemplateEdit r = templates.rollBack(path, version, actor, previewPeriod());
        if (r instanceof TemplateEdit.Published p) {
            audit(actor, "template.rollback", p.version().path() + " to version " + version + " (now version "
                    + p.version().version() + ")", p.version().path(), version, p.version().version());
        }
        return r;
    }

    RecipientsEdit saveRecipients(String actor, List<RecipientTable.Row> rows) {
        RecipientsEdit r = recipients.save(rows, actor);
        if (r instanceof RecipientsEdit.Saved s) {
            audit(actor, "recipients.save", RecipientsEditor.PATH + " version " + s.version().version() + ", " + s.rows() + " rows",
                    RecipientsEditor.PATH, s.version().version(), s.rows());
        }
        return r;
    }

    RecipientsEdit importRecipients(String actor, byte[] csv) {
        RecipientsEdit r = recipients.importCsv(csv, actor);
        if (r instanceof RecipientsEdit.Saved s) {
            audit(actor, "recipients.import", RecipientsEditor.PATH + " version " + s.version().version() + ", " + s.rows() + " rows",
                    RecipientsEditor.PATH, s.version().version(), s.rows());
        }
        return r;
    }

    /** Records in the audit trail with the details' words: label {@code audit.details.<action>} and its values. */
    private void audit(String actor, String action, String english, Object... args) {
        audit.record(actor, action, english, "audit.details." + action,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
