package vn.bantin.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** dossiers.csv: one row per dossier received by the one-stop system. */
final class DossiersFile {

    static final String[] HEADER = {"id", "procedure", "unit", "channel", "received_date", "due_date", "finished_date"};

    /** Dossiers per month at the desks: Tết dip in February, year-end rush in December. */
    private static final double[] MONTHS = {1.05, 0.70, 1.10, 0.98, 1.00, 1.02, 0.95, 1.00, 0.97, 1.03, 1.05, 1.15};
    /** Online submissions grow through the year, so the monthly online share rises from ~75% to ~125% of the yearly one. */
    private static final double[] ONLINE_TREND = {0.75, 0.79, 0.84, 0.88, 0.93, 0.97, 1.02, 1.06, 1.11, 1.15, 1.20, 1.25};
    /** One-stop desks open on Saturday mornings; online portals take dossiers every day. */
    private static final double DESK_SATURDAY = 0.2;
    private static final double DESK_OFF_DAY = 0.02;
    private static final double ONLINE_SATURDAY = 0.45;
    private static final double ONLINE_OFF_DAY = 0.3;

    /** Share of the non-online dossiers sent by public postal service (bưu chính công ích). */
    private static final double POSTAL = 0.04;
    /** Share of rows whose procedure code the export left empty (the column is optional). */
    private static final double NO_PROCEDURE = 0.02;
    /** Share of dossiers resolved on the spot, with no promised date. */
    private static final double NO_DUE_DATE = 0.01;
    /** Promised processing times in days, and how common each is. */
    private static final int[] PROCESSING_DAYS = {1, 3, 5, 7, 10, 15, 20, 30};
    private static final double[] PROCESSING_WEIGHTS = {0.10, 0.20, 0.20, 0.15, 0.15, 0.10, 0.06, 0.04};
    /** Chance a dossier finishes late, by month: worst after Tết and at year end, so on-time shares differ by month. */
    private static final double[] LATE_BY_MONTH = {0.09, 0.11, 0.07, 0.06, 0.05, 0.05, 0.04, 0.05, 0.06, 0.05, 0.06, 0.08};
    /** Provincial agencies are late less often than districts and communes. */
    private static final Map<Level, Double> LATE_BY_LEVEL = Map.of(Level.PROVINCE, 0.8, Level.DISTRICT, 1.2, Level.COMMUNE, 1.3);
    /** Share of dossiers still in progress at the export (plus many received in the last two weeks). */
    private static final double STALLED = 0.012;
    private static final double STALLED_AT_YEAR_END = 0.35;
    private static final int YEAR_END_DAY = 350;

    /** One dossier before it is written. */
    private record Row(String unit, Channel channel, int received, String procedure, LocalDate due, LocalDate finished) {
    }

    private final Dice dice;
    private final Cells cells;
    private final Year2022.Picker deskDays = new Year2022.Picker(MONTHS, DESK_SATURDAY, DESK_OFF_DAY);
    private final Year2022.Picker onlineDays =
            new Year2022.Picker(times(MONTHS, ONLINE_TREND), ONLINE_SATURDAY, ONLINE_OFF_DAY);
    private final Map<String, List<String>> procedures = new HashMap<>();
    private final Map<String, List<String>> onlineProcedures = new HashMap<>();
    private long nextId;

    DossiersFile(Dice dice, List<Catalogue.Procedure> catalogue) {
        this.dice = dice;
        this.cells = new Cells(dice);
        for (Catalogue.Procedure p : catalogue) {
            procedures.computeIfAbsent(p.unit(), u -> new ArrayList<>()).add(p.code());
            if (p.online()) {
                onlineProcedures.computeIfAbsent(p.unit(), u -> new ArrayList<>()).add(p.code());
            }
        }
    }

    /**
     * Writes the 2022 sample sorted by received date, with three bad rows a reader must reject:
     * two repeat the id of an earlier row (at 10% and 60% of the file, repeated at 40% and 80%),
     * one names an unknown channel ("fax", at 55%).
     */
    void write2022(Path file, List<DvcPlan.Counts> plan) {
        List<Row> rows = new ArrayList<>();
        for (DvcPlan.Counts counts : plan) {
            for (int i = 0; i < counts.dossiers(); i++) {
                rows.add(dossier(counts.unit(), i < counts.onlineDossiers()));
            }
        }
        dice.shuffle(rows);
        rows.sort(Comparator.comparingInt(Row::received));
        int n = rows.size();
        int[] repeatedFrom = {n / 10, n * 6 / 10};
        int[] repeatedAt = {n * 4 / 10, n * 8 / 10};
        int unknownChannelAt = n * 55 / 100;
        String[] repeatedIds = new String[repeatedFrom.length];
        try (CsvFile csv = new CsvFile(file, HEADER)) {
            for (int i = 0; i < n; i++) {
                Row row = rows.get(i);
                for (int k = 0; k < repeatedAt.length; k++) {
                    if (i == repeatedAt[k]) {
                        Row first = rows.get(repeatedFrom[k]);
                        csv.row(repeatedIds[k], first.procedure(), first.unit(), Channel.ONLINE.word(),
                                cells.date(row.received()), null, null);
                    }
                }
                if (i == unknownChannelAt) {
                    csv.row(newId(), row.procedure(), row.unit(), "fax", cells.date(row.received()), null, null);
                }
                String id = newId();
                for (int k = 0; k < repeatedFrom.length; k++) {
                    if (i == repeatedFrom[k]) {
                        repeatedIds[k] = id;
                    }
                }
                write(csv, id, row);
            }
        }
    }

    /** Streams {@code count} dossiers drawn with the proportions of the 2022 plan. */
    void writeScaled(Path file, List<DvcPlan.Counts> plan, long count) {
        UnitDraw<DvcPlan.Counts> draw = new UnitDraw<>(plan, DvcPlan.Counts::dossiers);
        try (CsvFile csv = new CsvFile(file, HEADER)) {
            for (long i = 0; i < count; i++) {
                DvcPlan.Counts counts = draw.next(dice);
                boolean online = dice.between(1, counts.dossiers()) <= counts.onlineDossiers();
                write(csv, newId(), dossier(counts.unit(), online));
            }
        }
    }

    private Row dossier(Unit unit, boolean online) {
        int received = online ? onlineDays.pick(dice) : deskDays.pick(dice);
        Channel channel = online ? Channel.ONLINE : dice.chance(POSTAL) ? Channel.POSTAL : Channel.DIRECT;
        List<String> offered = (online ? onlineProcedures : procedures).getOrDefault(unit.code(), List.of());
        String procedure = offered.isEmpty() || dice.chance(NO_PROCEDURE) ? null : dice.pick(offered);
        LocalDate receivedDate = Year2022.day(received);
        int days = processingDays();
        LocalDate due = dice.chance(NO_DUE_DATE) ? null : receivedDate.plusDays(days);
        return new Row(unit.code(), channel, received, procedure, due, finished(unit.level(), received, days, due));
    }

    /** When processing finished: on time mostly, sometimes late, null while still in progress. */
    private LocalDate finished(Level level, int received, int days, LocalDate due) {
        boolean stalled = dice.chance(STALLED) || received >= YEAR_END_DAY && dice.chance(STALLED_AT_YEAR_END);
        if (stalled) {
            return null;
        }
        LocalDate receivedDate = Year2022.day(received);
        double late = LATE_BY_MONTH[receivedDate.getMonthValue() - 1] * LATE_BY_LEVEL.get(level);
        LocalDate finished;
        if (due == null) {
            finished = receivedDate.plusDays(dice.between(0, 5));
        } else if (dice.chance(late)) {
            finished = due.plusDays(dice.between(1, 12));
        } else {
            finished = receivedDate.plusDays(dice.between(0, days));
        }
        return finished.isAfter(Year2022.LAST) ? null : finished;
    }

    private int processingDays() {
        double roll = dice.unit();
        double acc = 0;
        for (int i = 0; i < PROCESSING_DAYS.length; i++) {
            acc += PROCESSING_WEIGHTS[i];
            if (roll < acc) {
                return PROCESSING_DAYS[i];
            }
        }
        return PROCESSING_DAYS[PROCESSING_DAYS.length - 1];
    }

    private String newId() {
        return "HS22-" + Cells.padded(++nextId, 6);
    }

    private void write(CsvFile csv, String id, Row row) {
        csv.row(id, row.procedure(), row.unit(), cells.channel(row.channel()), cells.date(row.received()),
                row.due() == null ? null : cells.date(row.due()),
                row.finished() == null ? null : cells.date(row.finished()));
    }

    private static double[] times(double[] a, double[] b) {
        double[] product = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            product[i] = a[i] * b[i];
        }
        return product;
    }
}
