package vn.bantin.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import vn.bantin.indicator.Engine766;
import vn.bantin.indicator.Level;
import vn.bantin.indicator.Official766;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Tally;
import vn.bantin.indicator.Tally766;
import vn.bantin.indicator.UnitChanges;
import vn.bantin.indicator.UnitTree;
import vn.bantin.indicator.WorkingDays;
import vn.bantin.source.CsvSource;
import vn.bantin.source.FileStats;
import vn.bantin.source.OfficialScoresFile;
import vn.bantin.source.RejectSink;
import vn.bantin.source.SourceOptions;
import vn.bantin.source.SourceProgress;
import vn.bantin.source.UnitChangesFile;

/**
 * Reads every export once, row by row, into the tallies of one or more periods (a bulletin's own, and those it
 * compares with), so that comparing costs no second pass over the files. The Decision 766 counts are kept beside
 * the others, in the same pass.
 */
public final class Gathering {

    /**
     * {@code tallies} and {@code scores} in the order the periods were given; the first is the bulletin's own.
     * {@code changes}: the unit-changes.csv of the data folder (none when absent); records of a merged unit's
     * predecessors are credited to it in every tally. {@code official}: the official-766.csv rows of the first period.
     * {@code newLevels}: some catalogue row names its level as Decree 42/2022 does (none, partial, full), so the
     * bulletins say "một phần / toàn trình" rather than "mức độ 3, 4" (indicators-766 §11).
     */
    public record Gathered(UnitTree tree, Map<Period, Tally> tallies, List<FileStats> stats, Map<Period, Tally766> scores,
                           UnitChanges changes, Official766 official, boolean newLevels) {
        public Tally tally() {
            return tallies.values().iterator().next();
        }

        public Tally766 tally766() {
            return scores.values().iterator().next();
        }

        /** The optional columns the exports have, as {@code file.column} (dossiers.fee_due, feedback.handler, …). */
        public Set<String> presentColumns() {
            Set<String> out = new LinkedHashSet<>();
            for (FileStats s : stats) {
                s.matched().keySet().forEach(c -> out.add(s.source().key() + "." + c));
            }
            return out;
        }

        /**
         * Whether the exports carry any Decision 766 column (indicators-766 §2): only then are the 766 figures
         * computed, so that a province without them keeps its 2022-style indicators.csv and bulletin.
         */
        public boolean has766() {
            return presentColumns().stream().anyMatch(Engine766.COLUMNS_766::contains);
        }
    }

    /**
     * What the 766 counts need besides the exports: the working-day calendar, the day the data was read (a period
     * not ended then is provisional; null when it does not matter) and unit-changes.csv's name in the data folder
     * (null: none).
     */
    public record Setup766(WorkingDays days, LocalDate readOn, String unitChangesFile, String officialFile,
                           Map<String, List<String>> officialColumns, String provinceCode) {
        public static final Setup766 PLAIN = new Setup766(WorkingDays.mondayToFriday(), null, null, null, Map.of(), "");

        /** As config gives it; {@code readOn} the day the data was read, or null. */
        public static Setup766 of(vn.bantin.config.Settings settings, LocalDate readOn) {
            vn.bantin.config.Settings.Decision766 d = settings.decision766();
            return new Setup766(d.workingDays(), readOn, d.unitChangesFile(), d.officialFile(), d.officialColumns(),
                    d.scoring().provinceCode());
        }
    }

    private Gathering() {
    }

    public static Gathered gather(SourceOptions options, Period period, Level localityLevel, RejectSink rejects,
                                  SourceProgress progress) {
        return gather(options, List.of(period), localityLevel, rejects, progress);
    }

    public static Gathered gather(SourceOptions options, List<Period> periods, Level localityLevel, RejectSink rejects,
                                  SourceProgress progress) {
        return gather(options, periods, localityLevel, rejects, progress, Setup766.PLAIN);
    }

    public static Gathered gather(SourceOptions options, List<Period> periods, Level localityLevel, RejectSink rejects,
                                  SourceProgress progress, Setup766 setup) {
        return gather(options, periods, localityLevel, rejects, progress, setup, Reading.forThisMachine());
    }

    /**
     * How the exports are read: one after another on the calling thread, or the documents export (the largest, which
     * needs nothing but the unit tree) on a thread of its own beside procedures, dossiers and feedback. Either way
     * everything a person sees is the same: rejects and progress lines in file order, the same figures, the same
     * error (the first in file order).
     */
    enum Reading {
        ONE_THREAD, TWO_THREADS;

        static Reading forThisMachine() {
            return Runtime.getRuntime().availableProcessors() >= 2 ? TWO_THREADS : ONE_THREAD;
        }
    }

    static Gathered gather(SourceOptions options, List<Period> periods, Level localityLevel, RejectSink rejects,
                           SourceProgress progress, Setup766 setup, Reading reading) {
        CsvSource source = new CsvSource(options, rejects, progress);
        UnitTree tree = source.readUnits();
        UnitChanges changes = setup.unitChangesFile() == null ? UnitChanges.none()
                : UnitChangesFile.read(options.dataDir().resolve(Path.of(setup.unitChangesFile())), tree, options.zone());
        UnaryOperator<String> credit = changes.creditAsOf(periods.get(0).end());
        WorkingDays days = setup.days().tracking();
        Map<Period, Tally> tallies = new LinkedHashMap<>();
        Map<Period, Tally766> scores = new LinkedHashMap<>();
        for (Period p : periods) {
            tallies.putIfAbsent(p, new Tally(p, credit));
            scores.putIfAbsent(p, new Tally766(p, days, setup.readOn(), credit));
        }
        List<Tally> all = new ArrayList<>(tallies.values());
        Later later = new Later(tree, localityLevel, all, new ArrayList<>(scores.values()));
        List<FileStats> stats = new ArrayList<>(source.stats());
        if (reading == Reading.ONE_THREAD) {
            source.readDocuments(tree, d -> all.forEach(t -> t.add(d)));
            later.read(source);
            stats = source.stats();
        } else {
            stats.addAll(readBeside(options, tree, all, later, rejects, progress));
        }
        Official766 official = setup.officialFile() == null ? Official766.none(false)
                : OfficialScoresFile.read(options.dataDir().resolve(Path.of(setup.officialFile())), setup.officialColumns(), tree,
                        setup.provinceCode(), periods.get(0), options.zone(), rejects);
        return new Gathered(tree, tallies, List.copyOf(stats), scores, changes, official, later.newLevels);
    }

    /** Procedures, dossiers and feedback, in that order: the dossiers' check of procedure codes needs the catalogue. */
    private static final class Later {
        private final UnitTree tree;
        private final Level localityLevel;
        private final List<Tally> all;
        private final List<Tally766> all766;
        boolean newLevels;

        Later(UnitTree tree, Level localityLevel, List<Tally> all, List<Tally766> all766) {
            this.tree = tree;
            this.localityLevel = localityLevel;
            this.all = all;
            this.all766 = all766;
        }

        void read(CsvSource source) {
            source.readProcedures(tree, p -> {
                newLevels |= p.decree42();
                all.forEach(t -> t.add(p));
                all766.forEach(t -> t.add(p));
            });
            source.readDossiers(tree, d -> {
                all.forEach(t -> t.add(d));
                all766.forEach(t -> t.add(d));
            });
            // The reader has checked that every locality is a unit of the tree.
            source.readFeedback(tree, f -> {
                String locality = tree.rollUp(tree.find(f.locality()).orElseThrow(), localityLevel).code();
                all.forEach(t -> t.add(f, locality));
                all766.forEach(t -> t.add(f));
            });
        }
    }

    /**
     * Reads documents on a thread of their own, into tallies of their own that are added to {@code all} at the end,
     * while this thread reads the later exports, whose rejects and progress lines are held back until the documents
     * end. A failure of the documents stops the later files and is thrown (it comes first in file order); a failure
     * of the later files waits for the documents, whose own failure would come first. Returns the statistics of
     * documents, procedures, dossiers and feedback, in that order.
     */
    private static List<FileStats> readBeside(SourceOptions options, UnitTree tree, List<Tally> all, Later later,
                                              RejectSink rejects, SourceProgress progress) {
        HeldBack held = new HeldBack(rejects, progress);
        CsvSource documents = new CsvSource(options, rejects, progress);
        List<Tally> parts = all.stream().map(Tally::emptyLike).toList();
        Throwable[] documentsFailed = new Throwable[1];
        Thread reader = new Thread(() -> {
            try {
                documents.readDocuments(tree, d -> parts.forEach(t -> t.add(d)));
                held.earlierEnded();
            } catch (Throwable e) {
                documentsFailed[0] = e;
                held.earlierFailed();
            }
        }, "bantin-read-documents");
        reader.setDaemon(true); // never keeps the JVM up: the calling thread waits for it below in every case
        reader.start();
        CsvSource rest = new CsvSource(options, held, held, held::stopped);
        Throwable laterFailed = null;
        try {
            later.read(rest);
        } catch (Throwable e) {
            laterFailed = e;
        }
        joinUninterruptibly(reader);
        if (documentsFailed[0] != null) {
            throw unchecked(documentsFailed[0]);
        }
        held.release();
        if (laterFailed != null) {
            throw unchecked(laterFailed);
        }
        for (int i = 0; i < all.size(); i++) {
            all.get(i).addDocuments(parts.get(i));
        }
        List<FileStats> out = new ArrayList<>(documents.stats());
        out.addAll(rest.stats());
        return out;
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
