package vn.bantin.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVRecord;

import vn.bantin.indicator.Document;
import vn.bantin.indicator.Dossier;
import vn.bantin.indicator.Feedback;
import vn.bantin.indicator.Level;
import vn.bantin.indicator.Procedure;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;

/**
 * Reads the five CSV exports row by row into typed rows. A row that breaks a rule goes to the reject sink
 * and nowhere else; a file that cannot be read at all stops everything with a {@link SourceException}.
 */
public final class CsvSource {
    private static final long PROGRESS_EVERY = 250_000;

    private final SourceOptions options;
    private final RejectSink rejects;
    private final SourceProgress progress;
    private final List<FileStats> stats = new ArrayList<>();

    public CsvSource(SourceOptions options, RejectSink rejects, SourceProgress progress) {
        this.options = options;
        this.rejects = rejects;
        this.progress = progress;
    }

    /** Opens every file and checks its header, so that a missing file or column stops the run before any work. */
    public static void checkAll(SourceOptions options) {
        for (SourceFile f : SourceFile.values()) {
            new CsvTable(options.path(f), f, options.separator(f)).close();
        }
    }

    public List<FileStats> stats() {
        return List.copyOf(stats);
    }

    public UnitTree readUnits() {
        List<Unit> units = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        read(SourceFile.UNITS, (t, r, ids) -> {
            String code = unique(t, r, ids, "code");
            String name = required(t, r, "name");
            String levelText = required(t, r, "level");
            Level level = Level.parse(levelText).orElseThrow(() -> new BadCell("level", levelText,
                    "unknown level: expected province, district or commune (tinh, huyen, xa)"));
            LocalDate from = optionalDate(t, r, "active_from");
            LocalDate to = optionalDate(t, r, "active_to");
            units.add(new Unit(code, name, level, t.get(r, "parent"), from, to));
            lines.add(t.line());
        });
        // A parent must be a unit of the file; checked once all codes are known.
        Set<String> codes = new HashSet<>();
        units.forEach(u -> codes.add(u.code()));
        List<Unit> kept = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (u.parent() != null && !codes.contains(u.parent())) {
                rejects.reject(new Reject(SourceFile.UNITS.fileName(), lines.get(i), "parent", u.parent(),
                        "unknown parent unit: no unit has this code"));
                replaceLastStats(1);
            } else {
                kept.add(u);
            }
        }
        return new UnitTree(kept);
    }

    public void readDocuments(UnitTree tree, Consumer<Document> sink) {
        read(SourceFile.DOCUMENTS, (t, r, ids) -> {
            unique(t, r, ids, "id");
            String unit = knownUnit(t, r, tree, "unit");
            String dirText = required(t, r, "direction");
            Document.Direction direction = switch (Cells.word(dirText)) {
                case "in", "den" -> Document.Direction.IN;
                case "out", "di" -> Document.Direction.OUT;
                default -> throw new BadCell("direction", dirText, "unknown direction: expected in or out (den or di)");
            };
            LocalDate date = date(t, r, "date");
            boolean qualifying = false;
            if (direction == Document.Direction.OUT) {
                boolean fromDossier = bool(t, r, "from_work_dossier");
                boolean signed = bool(t, r, "signed");
                qualifying = fromDossier && signed;
            }
            sink.accept(new Document(unit, direction, date, qualifying));
        });
    }

    public void readProcedures(UnitTree tree, Consumer<Procedure> sink) {
        read(SourceFile.PROCEDURES, (t, r, ids) -> {
            String code = unique(t, r, ids, "code");
            String unit = knownUnit(t, r, tree, "unit");
            String levelText = required(t, r, "online_level");
            boolean online = switch (Cells.word(levelText)) {
                case "1", "2", "none", "khong" -> false;
                case "3", "4", "partial", "full", "mot phan", "toan trinh" -> true;
                default -> throw new BadCell("online_level", levelText,
                        "unknown online level: expected 1-4, or none, partial, full");
            };
            sink.accept(new Procedure(code, unit, online));
        });
    }

    public void readDossiers(UnitTree tree, Consumer<Dossier> sink) {
        read(SourceFile.DOSSIERS, (t, r, ids) -> {
            unique(t, r, ids, "id");
            String unit = knownUnit(t, r, tree, "unit");
            String channelText = required(t, r, "channel");
            Dossier.Channel channel = switch (Cells.word(channelText)) {
                case "online", "2", "truc tuyen" -> Dossier.Channel.ONLINE;
                case "direct", "1", "truc tiep" -> Dossier.Channel.DIRECT;
                case "postal", "3", "buu chinh", "buu chinh cong ich" -> Dossier.Channel.POSTAL;
                default -> throw new BadCell("channel", channelText,
                        "unknown channel: expected online, direct or postal (codes 2, 1, 3)");
            };
            LocalDate received = date(t, r, "received_date");
            sink.accept(new Dossier(unit, channel, received, optionalDate(t, r, "due_date"), optionalDate(t, r, "finished_date")));
        });
    }

    /** Feedback rows with their locality code as written; rolling up to a level is the computation's business. */
    public void readFeedback(UnitTree tree, Consumer<Feedback> sink) {
        read(SourceFile.FEEDBACK, (t, r, ids) -> {
            unique(t, r, ids, "id");
            LocalDate received = date(t, r, "received_date");
            String locality = knownUnit(t, r, tree, "locality");
            String category = required(t, r, "category");
            String statusText = required(t, r, "status");
            Feedback.Status status = switch (Cells.word(statusText)) {
                case "new", "cho tiep nhan", "moi" -> Feedback.Status.NEW;
                case "processing", "dang xu ly" -> Feedback.Status.PROCESSING;
                case "processed", "da xu ly" -> Feedback.Status.PROCESSED;
                default -> throw new BadCell("status", statusText,
                        "unknown status: expected new, processing or processed (Chờ tiếp nhận, Đang xử lý, Đã xử lý)");
            };
            optionalDate(t, r, "processed_date");
            String ratingText = t.get(r, "rating");
            Integer rating = null;
            if (ratingText != null) {
                if (!ratingText.matches("[1-5]")) {
                    throw new BadCell("rating", ratingText, "not a rating: expected a whole number from 1 to 5");
                }
                rating = Integer.parseInt(ratingText);
            }
            sink.accept(new Feedback(locality, category, status, received, rating));
        });
    }

    @FunctionalInterface
    private interface RowReader {
        void read(CsvTable table, CSVRecord record, IdSet ids) throws BadCell;
    }

    private void read(SourceFile source, RowReader reader) {
        try (CsvTable table = new CsvTable(options.path(source), source, options.separator(source))) {
            IdSet ids = new IdSet();
            long read = 0, rejected = 0;
            for (CSVRecord r = table.next(); r != null; r = table.next()) {
                read++;
                try {
                    reader.read(table, r, ids);
                } catch (BadCell bad) {
                    rejected++;
                    rejects.reject(new Reject(table.name(), table.line(), bad.column, bad.value, bad.getMessage()));
                }
                if (read % PROGRESS_EVERY == 0) {
                    progress.rows(table.name(), read, rejected, false);
                }
            }
            progress.rows(table.name(), read, rejected, true);
            stats.add(new FileStats(source, table.name(), read, rejected, List.copyOf(table.ignoredColumns())));
        }
    }

    private void replaceLastStats(long moreRejected) {
        FileStats last = stats.remove(stats.size() - 1);
        stats.add(new FileStats(last.source(), last.fileName(), last.rowsRead(), last.rowsRejected() + moreRejected,
                last.ignoredColumns()));
    }

    private static String required(CsvTable t, CSVRecord r, String column) throws BadCell {
        String v = t.get(r, column);
        if (v == null) {
            throw new BadCell(column, "", "required value is empty");
        }
        return v;
    }

    private static String unique(CsvTable t, CSVRecord r, IdSet ids, String column) throws BadCell {
        String id = required(t, r, column);
        if (!ids.add(id)) {
            throw new BadCell(column, id, "duplicate " + column + ": an earlier row has the same value and counts instead");
        }
        return id;
    }

    private static String knownUnit(CsvTable t, CSVRecord r, UnitTree tree, String column) throws BadCell {
        String code = required(t, r, column);
        if (!tree.contains(code)) {
            throw new BadCell(column, code, "unknown unit code: not in units.csv");
        }
        return code;
    }

    private LocalDate date(CsvTable t, CSVRecord r, String column) throws BadCell {
        return Cells.date(column, required(t, r, column), options.zone());
    }

    private LocalDate optionalDate(CsvTable t, CSVRecord r, String column) throws BadCell {
        String v = t.get(r, column);
        return v == null ? null : Cells.date(column, v, options.zone());
    }

    private static boolean bool(CsvTable t, CSVRecord r, String column) throws BadCell {
        return Cells.bool(column, required(t, r, column));
    }
}
