package vn.bantin.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** documents.csv: one row per document registered on the document management system. */
final class DocumentsFile {

    static final String[] HEADER = {"id", "unit", "direction", "date", "from_work_dossier", "signed"};

    /** Documents per month: a dip at Tết (February), a year-end peak (December). */
    private static final double[] MONTHS = {1.00, 0.72, 1.08, 0.96, 1.02, 1.06, 0.98, 1.04, 0.94, 1.03, 1.08, 1.22};
    /**
     * A signed document from a work dossier answers an incoming one a few days later, more readily as
     * the year goes on (signing spread as the programme went on): the chance, by month of the incoming
     * document, that it is the one answered. Monthly e-document rates therefore climb through the year.
     */
    private static final double[] SIGNING_TREND = {0.80, 0.82, 0.84, 0.86, 0.88, 0.90, 0.92, 0.94, 0.96, 0.97, 0.98, 1.00};
    /** Days between an incoming document and the signed answer. */
    private static final int MAX_ANSWER_DAYS = 7;
    /** Offices register few documents on Saturdays and almost none on Sundays and holidays. */
    private static final double SATURDAY = 0.15;
    private static final double OFF_DAY = 0.03;

    /** Outgoing documents that are not both signed and from a work dossier: signed only, from a dossier only, neither. */
    private static final double SIGNED_ONLY = 0.45;
    private static final double DOSSIER_ONLY = 0.25;

    /** What a row is: an incoming document, or an outgoing one with its two flags. */
    private enum Kind {
        INCOMING, SIGNED_FROM_DOSSIER, SIGNED_ONLY, DOSSIER_ONLY, NEITHER
    }

    private record Row(String unit, Kind kind, int day) {
    }

    /** A row a reader must reject, written at a fraction of the file. */
    private record BadRow(double at, String unit, Kind kind, String date) {
    }

    /** Deliberately bad rows: a 30 February in each date form. Rejected, so they change no figure. */
    private static final List<BadRow> BAD_ROWS = List.of(
            new BadRow(0.1, "SXD", Kind.INCOMING, "2022-02-30"),
            new BadRow(0.5, BacNinh.QUE_VO, Kind.SIGNED_FROM_DOSSIER, "30/02/2022"),
            new BadRow(0.9, "P-VUNINH", Kind.SIGNED_FROM_DOSSIER, "2022-02-30T09:15"));

    private final Dice dice;
    private final Cells cells;
    private final Year2022.Picker days = new Year2022.Picker(MONTHS, SATURDAY, OFF_DAY);
    private long nextId;

    DocumentsFile(Dice dice) {
        this.dice = dice;
        this.cells = new Cells(dice);
    }

    /** Writes the 2022 sample: every planned document, sorted by date, plus the bad rows. */
    void write2022(Path file, List<EdocPlan.Counts> plan) {
        List<Row> rows = new ArrayList<>();
        for (EdocPlan.Counts counts : plan) {
            addRows(rows, counts);
        }
        dice.shuffle(rows);
        rows.sort(Comparator.comparingInt(Row::day));
        try (CsvFile csv = new CsvFile(file, HEADER)) {
            for (int i = 0; i < rows.size(); i++) {
                for (BadRow bad : BAD_ROWS) {
                    if (i == (int) (bad.at() * rows.size())) {
                        writeRow(csv, bad.unit(), bad.kind(), bad.date());
                    }
                }
                Row row = rows.get(i);
                writeRow(csv, row.unit(), row.kind(), cells.date(row.day()));
            }
        }
    }

    /** Streams {@code count} documents drawn with the proportions of the 2022 plan. */
    void writeScaled(Path file, List<EdocPlan.Counts> plan, long count) {
        UnitDraw<EdocPlan.Counts> draw = new UnitDraw<>(plan, EdocPlan.Counts::rows);
        try (CsvFile csv = new CsvFile(file, HEADER)) {
            for (long i = 0; i < count; i++) {
                EdocPlan.Counts counts = draw.next(dice);
                writeRow(csv, counts.unit().code(), scaledKind(counts), cells.date(days.pick(dice)));
            }
        }
    }

    private void addRows(List<Row> rows, EdocPlan.Counts counts) {
        String unit = counts.unit().code();
        int[] incomingDays = new int[counts.incoming()];
        for (int i = 0; i < incomingDays.length; i++) {
            incomingDays[i] = days.pick(dice);
            rows.add(new Row(unit, Kind.INCOMING, incomingDays[i]));
        }
        for (int day : answerDays(incomingDays, counts.signedFromDossier())) {
            rows.add(new Row(unit, Kind.SIGNED_FROM_DOSSIER, day));
        }
        for (int i = 0; i < counts.otherOutgoing(); i++) {
            rows.add(new Row(unit, otherKind(), days.pick(dice)));
        }
    }

    /**
     * The days signed answers go out: each answers a different incoming document (all of them, then
     * again, for a unit over 100%), on a working day a few days later (the same day at year end). Documents of later months are more likely to be
     * answered (weighted sampling without replacement, Efraimidis-Spirakis keys).
     */
    private int[] answerDays(int[] incomingDays, int answers) {
        int n = incomingDays.length;
        double[] key = new double[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double weight = SIGNING_TREND[Year2022.day(incomingDays[i]).getMonthValue() - 1];
            key[i] = Math.pow(dice.unit(), 1 / weight);
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -key[i]));
        int[] result = new int[answers];
        for (int k = 0; k < answers; k++) {
            int asked = incomingDays[order.get(k % n)];
            int answered = Year2022.workingDayFrom(asked + dice.between(0, MAX_ANSWER_DAYS));
            result[k] = answered < Year2022.DAYS ? answered : asked;
        }
        return result;
    }

    private Kind scaledKind(EdocPlan.Counts counts) {
        int roll = dice.between(1, counts.rows());
        if (roll <= counts.incoming()) {
            return Kind.INCOMING;
        }
        return roll <= counts.incoming() + counts.signedFromDossier() ? Kind.SIGNED_FROM_DOSSIER : otherKind();
    }

    private Kind otherKind() {
        double roll = dice.unit();
        return roll < SIGNED_ONLY ? Kind.SIGNED_ONLY
                : roll < SIGNED_ONLY + DOSSIER_ONLY ? Kind.DOSSIER_ONLY
                : Kind.NEITHER;
    }

    private void writeRow(CsvFile csv, String unit, Kind kind, String date) {
        String id = "VB22-" + Cells.padded(++nextId, 7);
        if (kind == Kind.INCOMING) {
            csv.row(id, unit, cells.direction(true), date, null, null);
            return;
        }
        boolean signed = kind == Kind.SIGNED_FROM_DOSSIER || kind == Kind.SIGNED_ONLY;
        boolean fromDossier = kind == Kind.SIGNED_FROM_DOSSIER || kind == Kind.DOSSIER_ONLY;
        csv.row(id, unit, cells.direction(false), date, cells.bool(fromDossier), cells.bool(signed));
    }
}
