package vn.bantin.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import vn.bantin.indicator.Document;
import vn.bantin.indicator.Dossier;
import vn.bantin.indicator.Feedback;
import vn.bantin.indicator.Level;
import vn.bantin.indicator.Procedure;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;

/**
 * Reads the five platform exports (CSV, or XLSX where config names an .xlsx file) row by row into typed rows.
 * A row that breaks a rule goes to the reject sink and nowhere else; a file that cannot be read at all stops
 * everything with a {@link SourceException}.
 */
public final class CsvSource {
    private static final long PROGRESS_EVERY = 250_000;

    private final SourceOptions options;
    private final RejectSink rejects;
    private final SourceProgress progress;
    private final BooleanSupplier stop;
    private final List<FileStats> stats = new ArrayList<>();
    private Set<String> procedureCodes;

    public CsvSource(SourceOptions options, RejectSink rejects, SourceProgress progress) {
        this(options, rejects, progress, () -> false);
    }

    /**
     * {@code stop}: asked before each row; once it says yes, reading ends with {@link ReadStopped} (another file read
     * at the same time has failed, and its error is the one to report).
     */
    public CsvSource(SourceOptions options, RejectSink rejects, SourceProgress progress, BooleanSupplier stop) {
        this.options = options;
        this.rejects = rejects;
        this.progress = progress;
        this.stop = stop;
    }

    /** Opens every file and checks its header, so that a missing file or column stops the run before any work. */
    public static void checkAll(SourceOptions options) {
        for (SourceFile f : SourceFile.values()) {
            try {
                rows(options, f).forEach(new HeaderOnly(options, f));
            } catch (HeaderOnly.Done done) {
                continue; // the header is fine
            }
            throw emptyFile(f, options.format(f));
        }
    }

    public List<FileStats> stats() {
        return List.copyOf(stats);
    }

    public UnitTree readUnits() {
        List<Unit> units = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Finished file = readRows(SourceFile.UNITS, (r, ids, t) -> {
            String code = unique(r, ids, "code");
            String name = required(r, "name");
            String levelText = required(r, "level");
            Level level = Level.parse(levelText).orElseThrow(() -> new BadCell("level", levelText,
                    "unknown level: expected province, district or commune (tinh, huyen, xa)"));
            LocalDate from = optionalDate(r, "active_from");
            LocalDate to = optionalDate(r, "active_to");
            units.add(new Unit(code, name, level, r.get("parent"), from, to));
            lines.add(r.line());
        });
        // A parent must be a unit of the file; checked once all codes are known.
        Set<String> codes = new HashSet<>();
        units.forEach(u -> codes.add(u.code()));
        List<Unit> kept = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (u.parent() != null && !codes.contains(u.parent())) {
                reject(file.tally(), new Reject(file.format().fileName(), lines.get(i), "parent", u.parent(),
                        "unknown parent unit: no unit has this code"), true);
            } else {
                kept.add(u);
            }
        }
        finish(file);
        return new UnitTree(kept);
    }

    public void readDocuments(UnitTree tree, Consumer<Document> sink) {
        read(SourceFile.DOCUMENTS, (r, ids, t) -> {
            unique(r, ids, "id");
            String unit = knownUnit(r, tree, "unit");
            String dirText = required(r, "direction");
            Document.Direction direction = switch (Cells.word(dirText)) {
                case "in", "den" -> Document.Direction.IN;
                case "out", "di" -> Document.Direction.OUT;
                default -> throw new BadCell("direction", dirText, "unknown direction: expected in or out (den or di)");
            };
            LocalDate date = date(r, "date");
            boolean qualifying = false;
            if (direction == Document.Direction.OUT) {
                boolean fromDossier = bool(r, "from_work_dossier");
                boolean signed = bool(r, "signed");
                qualifying = fromDossier && signed;
            }
            t.date(date);
            sink.accept(new Document(unit, direction, date, qualifying));
        });
    }

    public void readProcedures(UnitTree tree, Consumer<Procedure> sink) {
        Set<String> codes = new HashSet<>();
        read(SourceFile.PROCEDURES, (r, ids, t) -> {
            String code = unique(r, ids, "code");
            String unit = knownUnit(r, tree, "unit");
            String levelText = required(r, "online_level");
            String level = Cells.word(levelText);
            boolean online = switch (level) {
                case "1", "2", "none", "khong" -> false;
                case "3", "4", "partial", "full", "mot phan", "toan trinh" -> true;
                default -> throw new BadCell("online_level", levelText,
                        "unknown online level: expected 1-4, or none, partial, full");
            };
            boolean full = level.equals("4") || level.equals("full") || level.equals("toan trinh");
            java.util.EnumSet<Procedure.Flag> flags = java.util.EnumSet.noneOf(Procedure.Flag.class);
            flag(r, "fee_required", Procedure.Flag.FEE_REQUIRED, flags);
            flag(r, "full_online_eligible", Procedure.Flag.FULL_ONLINE_ELIGIBLE, flags);
            flag(r, "citizen_facing", Procedure.Flag.CITIZEN_FACING, flags);
            codes.add(code);
            sink.accept(new Procedure(code, unit, online, full, flags, level));
        });
        procedureCodes = codes;
    }

    /** Reads dossiers; once procedures were read, a dossier naming a procedure not in the catalogue is a reject. */
    public void readDossiers(UnitTree tree, Consumer<Dossier> sink) {
        read(SourceFile.DOSSIERS, (r, ids, t) -> {
            unique(r, ids, "id");
            String unit = knownUnit(r, tree, "unit");
            String procedure = r.get("procedure");
            if (procedure != null && procedureCodes != null && !procedureCodes.contains(procedure)) {
                throw BadCell.unknown("procedure", procedure, "unknown procedure code: not in procedures.csv");
            }
            String channelText = required(r, "channel");
            Dossier.Channel channel = switch (Cells.word(channelText)) {
                case "online", "2", "truc tuyen" -> Dossier.Channel.ONLINE;
                case "direct", "1", "truc tiep" -> Dossier.Channel.DIRECT;
                case "postal", "3", "buu chinh", "buu chinh cong ich" -> Dossier.Channel.POSTAL;
                default -> throw new BadCell("channel", channelText,
                        "unknown channel: expected online, direct or postal (codes 2, 1, 3)");
            };
            LocalDate received = date(r, "received_date");
            LocalDate finished = optionalDate(r, "finished_date");
            Dossier.Status status = dossierStatus(r.get("status"), finished);
            java.util.EnumSet<Dossier.Flag> flags = java.util.EnumSet.noneOf(Dossier.Flag.class);
            flag(r, "result_required", Dossier.Flag.RESULT_REQUIRED, flags);
            flag(r, "e_result", Dossier.Flag.E_RESULT, flags);
            flag(r, "digitised", Dossier.Flag.DIGITISED, flags);
            flag(r, "reused", Dossier.Flag.REUSED, flags);
            flag(r, "personal_store", Dossier.Flag.PERSONAL_STORE, flags);
            flag(r, "vneid", Dossier.Flag.VNEID, flags);
            flag(r, "synced_national", Dossier.Flag.SYNCED_NATIONAL, flags);
            flag(r, "paid_online", Dossier.Flag.PAID_ONLINE, flags);
            flag(r, "fully_online", Dossier.Flag.FULLY_ONLINE, flags);
            if (Cells.amount("fee_due", r.get("fee_due"))) {
                flags.add(Dossier.Flag.FEE_DUE);
            }
            Dossier d = new Dossier(unit, channel, received, optionalDate(r, "due_date"), finished, procedure, status,
                    Cells.count("supplement_count", r.get("supplement_count")),
                    Cells.count("paused_days", r.get("paused_days")), flags);
            t.date(received);
            sink.accept(d);
        });
    }

    /** Feedback rows with their locality code as written; rolling up to a level is the computation's business. */
    public void readFeedback(UnitTree tree, Consumer<Feedback> sink) {
        read(SourceFile.FEEDBACK, (r, ids, t) -> {
            unique(r, ids, "id");
            LocalDate received = date(r, "received_date");
            String locality = knownUnit(r, tree, "locality");
            String category = required(r, "category");
            String statusText = required(r, "status");
            Feedback.Status status = switch (Cells.word(statusText)) {
                case "new", "cho tiep nhan", "moi" -> Feedback.Status.NEW;
                case "processing", "dang xu ly" -> Feedback.Status.PROCESSING;
                case "processed", "da xu ly" -> Feedback.Status.PROCESSED;
                default -> throw new BadCell("status", statusText,
                        "unknown status: expected new, processing or processed (Chờ tiếp nhận, Đang xử lý, Đã xử lý)");
            };
            LocalDate processed = optionalDate(r, "processed_date");
            LocalDate due = optionalDate(r, "due_date");
            if (due != null && due.isBefore(received)) {
                throw new BadCell("due_date", r.get("due_date"), "deadline before the date received (" + received + ")");
            }
            int likes = Cells.count("likes", r.get("likes"));
            int dislikes = Cells.count("dislikes", r.get("dislikes"));
            boolean reraised = r.get("reraised") != null && Cells.bool("reraised", r.get("reraised"));
            String ratingText = r.get("rating");
            Integer rating = null;
            if (ratingText != null) {
                if (!ratingText.matches("[1-5]")) {
                    throw new BadCell("rating", ratingText, "not a rating: expected a whole number from 1 to 5");
                }
                rating = Integer.parseInt(ratingText);
            }
            t.date(received);
            sink.accept(new Feedback(locality, category, status, received, rating, r.get("handler"), processed, due, likes,
                    dislikes, reraised));
        });
    }

    @FunctionalInterface
    private interface RowReader {
        void read(Row row, IdSet ids, FileTally tally) throws BadCell;
    }

    static RowStream rows(SourceOptions options, SourceFile source) {
        SourceFormat format = options.format(source);
        SourceFiles.requireRegular(options.path(source));
        return format.isWorkbook() ? new XlsxRows(options.path(source), format.sheet())
                : new CsvRows(options.path(source), source, format);
    }

    /** A file read to its end, whose statistics are recorded by {@link #finish}. */
    private record Finished(SourceFile source, SourceFormat format, FileTally tally, Header header) {}

    private void read(SourceFile source, RowReader reader) {
        finish(readRows(source, reader));
    }

    private void finish(Finished f) {
        progress.rows(f.format().fileName(), f.tally().read, f.tally().rejected, true);
        stats.add(f.tally().stats(f.source(), f.format().fileName(), describe(f.format()), f.header()));
    }

    private Finished readRows(SourceFile source, RowReader reader) {
        SourceFormat format = options.format(source);
        String name = format.fileName();
        FileTally tally = new FileTally();
        IdSet ids = new IdSet();
        Header[] header = new Header[1];
        long[] rowIndex = new long[1];
        try {
            readAll(source, reader, format, tally, ids, header, rowIndex);
        } catch (OutOfMemoryError e) {
            ids = null; // let the set go before the sentence is made
            throw new SourceException(name + ": not enough memory to read it (ran out at row " + rowIndex[0] + ", with "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB of heap); give Java more heap: java -Xmx1g -jar"
                    + " bantin.jar …, or JDK_JAVA_OPTIONS=-Xmx1g in the environment");
        }
        if (header[0] == null) {
            throw emptyFile(source, format);
        }
        return new Finished(source, format, tally, header[0]);
    }

    private void readAll(SourceFile source, RowReader reader, SourceFormat format, FileTally tally, IdSet ids,
                         Header[] header, long[] rowIndex) {
        String name = format.fileName();
        rows(options, source).forEach(new RowStream.RowHandler() {
            @Override
            public void row(long line, List<String> cells) {
                stopWhenAsked();
                rowIndex[0]++;
                if (header[0] == null) {
                    if (rowIndex[0] == format.headerRow()) {
                        header[0] = Header.match(name, source, format, cells);
                    }
                    return;
                }
                tally.read++;
                try {
                    reader.read(new Row(header[0], format, cells, line), ids, tally);
                } catch (BadCell bad) {
                    reject(tally, new Reject(name, line, bad.column, bad.value, bad.getMessage()), bad.unknownReference);
                }
                progress(name, tally);
            }

            @Override
            public void broken(long line, String reason) {
                stopWhenAsked();
                rowIndex[0]++;
                if (header[0] == null) {
                    throw new SourceException(name + " line " + line + ": the header row cannot be read (" + reason + ")");
                }
                tally.read++;
                reject(tally, new Reject(name, line, "row", "", reason), false);
                progress(name, tally);
            }
        });
    }

    private void stopWhenAsked() {
        if (stop.getAsBoolean()) {
            throw new ReadStopped();
        }
    }

    private void progress(String name, FileTally tally) {
        if (tally.read % PROGRESS_EVERY == 0) {
            progress.rows(name, tally.read, tally.rejected, false);
        }
    }

    private void reject(FileTally tally, Reject r, boolean unknownReference) {
        tally.reject(r, unknownReference);
        rejects.reject(r);
    }

    private static SourceException emptyFile(SourceFile source, SourceFormat format) {
        return new SourceException(format.fileName() + ": the file is empty; expected a header row"
                + (format.headerRow() > 1 ? " at row " + format.headerRow() : "") + " with the columns "
                + String.join(", ", source.required()));
    }

    private static String describe(SourceFormat f) {
        return f.isWorkbook() ? "XLSX" + (f.sheet() == null ? "" : " sheet " + f.sheet()) : "CSV " + f.encoding().name();
    }

    private static String required(Row r, String column) throws BadCell {
        String v = r.get(column);
        if (v == null) {
            throw new BadCell(column, "", "required value is empty");
        }
        return v;
    }

    private static String unique(Row r, IdSet ids, String column) throws BadCell {
        String id = required(r, column);
        if (!ids.add(id)) {
            throw new BadCell(column, id, "duplicate " + column + ": an earlier row has the same value and counts instead");
        }
        return id;
    }

    private static String knownUnit(Row r, UnitTree tree, String column) throws BadCell {
        String code = required(r, column);
        if (!tree.contains(code)) {
            throw BadCell.unknown(column, code, "unknown unit code: not in units.csv");
        }
        return code;
    }

    private LocalDate date(Row r, String column) throws BadCell {
        return Cells.date(column, required(r, column), options.zone());
    }

    private LocalDate optionalDate(Row r, String column) throws BadCell {
        String v = r.get(column);
        return v == null ? null : Cells.date(column, v, options.zone());
    }

    /** A 766 boolean column: an empty cell or an absent column reads as false. */
    private static <F extends Enum<F>> void flag(Row r, String column, F flag, java.util.Set<F> flags) throws BadCell {
        String v = r.get(column);
        if (v != null && Cells.bool(column, v)) {
            flags.add(flag);
        }
    }

    /**
     * The dossier's status (indicators-766 §2): the contract's words or the accepted Vietnamese ones; empty or absent
     * derives from the finished date. A status that contradicts the finished date is a reject.
     */
    private static Dossier.Status dossierStatus(String text, LocalDate finished) throws BadCell {
        if (text == null) {
            return Dossier.Status.derived(finished);
        }
        Dossier.Status status = switch (Cells.word(text)) {
            case "processing", "dang xu ly", "dang giai quyet", "moi tiep nhan", "cho bo sung" -> Dossier.Status.PROCESSING;
            case "finished", "da xu ly xong", "da tra ket qua", "da giai quyet", "hoan thanh" -> Dossier.Status.FINISHED;
            case "returned", "tra lai", "dung xu ly", "tu choi giai quyet" -> Dossier.Status.RETURNED;
            case "cancelled", "canceled", "rut ho so", "huy", "da huy" -> Dossier.Status.CANCELLED;
            case "rejected", "tu choi tiep nhan", "khong tiep nhan" -> Dossier.Status.REJECTED;
            case "tu choi" -> throw new BadCell("status", text, "ambiguous status: 'từ chối' may be returned (từ chối giải"
                    + " quyết) or rejected (từ chối tiếp nhận); map it with source.dossiers.value.status.<returned or rejected>");
            default -> throw new BadCell("status", text, "unknown status: expected processing, finished, returned,"
                    + " cancelled or rejected (Đang xử lý, Đã trả kết quả, Trả lại, Rút hồ sơ, Từ chối tiếp nhận)");
        };
        if (status.ended() && finished == null) {
            throw new BadCell("finished_date", "", "a " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + " dossier needs the date it ended: finished_date is empty");
        }
        if (status == Dossier.Status.PROCESSING && finished != null) {
            throw new BadCell("status", text, "still processing, yet finished_date is given (" + finished + ")");
        }
        return status;
    }

    private static boolean bool(Row r, String column) throws BadCell {
        return Cells.bool(column, required(r, column));
    }

    /** Reads a file up to its header row and stops: the check before any work. */
    private static final class HeaderOnly implements RowStream.RowHandler {
        static final class Done extends RuntimeException {
            Done() {
                super(null, null, false, false);
            }
        }

        private final SourceFile source;
        private final SourceFormat format;
        private long index;

        HeaderOnly(SourceOptions options, SourceFile source) {
            this.source = source;
            this.format = options.format(source);
        }

        @Override
        public void broken(long line, String reason) {
            if (++index >= format.headerRow()) {
                throw new SourceException(format.fileName() + " line " + line + ": the header row cannot be read (" + reason + ")");
            }
        }

        @Override
        public void row(long line, List<String> cells) {
            if (++index == format.headerRow()) {
                Header.match(format.fileName(), source, format, cells);
                throw new Done();
            }
        }
    }
}
