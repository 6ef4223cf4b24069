package vn.bantin.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import vn.bantin.config.HolidaysFile;

/**
 * Spec indicators-766 §4: a period not ended on the day the data was read (D < P1) evaluates open dossiers and
 * feedback at D instead of P1, and its figures are marked provisional. Computed by hand, March 2026 read on 10/03.
 */
class Provisional766Test {
    private static final WorkingDays SHIPPED = HolidaysFile.read(Path.of("config/holidays.csv"));
    private static final Period MARCH = Period.parse("2026-03");
    private static final UnitTree TREE = new UnitTree(List.of(new Unit("X1", "UBND xã An Phú", Level.COMMUNE, null, null, null)));

    private static Scores766 march(LocalDate readOn) {
        Tally766 tally = new Tally766(MARCH, SHIPPED, readOn, UnaryOperator.identity());
        // a: still open, due 12/03. b: still open, due 05/03.
        tally.add(dossier(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 12)));
        tally.add(dossier(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 5)));
        // still being handled, no deadline given: add_wd(02/03, 15) = 23/03.
        tally.add(new Feedback("X1", "Đất đai", Feedback.Status.PROCESSING, LocalDate.of(2026, 3, 2), null, "X1", null, null,
                0, 0, false));
        Set<String> present = new HashSet<>(Engine766.COLUMNS_766);
        present.addAll(Set.of("dossiers.due_date", "dossiers.finished_date", "dossiers.procedure", "feedback.processed_date",
                "feedback.handler"));
        return new Engine766(Scoring766.defaults()).compute(TREE, tally, present);
    }

    private static Dossier dossier(LocalDate received, LocalDate due) {
        return new Dossier("X1", Dossier.Channel.ONLINE, received, due, null, null, Dossier.Status.PROCESSING, 0, 0, Set.of());
    }

    private static String counts(Scores766 scores, Item766 item) {
        Scores766.ItemFigure.Counted c = (Scores766.ItemFigure.Counted) scores.unit("X1").orElseThrow().score().item(item)
                .orElseThrow();
        return c.numerator() + "/" + c.denominator();
    }

    /** The figures when the data is read on {@code readOn}: what is provisional, the evaluation date, 2.1 and 6.2. */
    private static String readOn(LocalDate readOn) {
        Scores766 s = march(readOn);
        return s.provisional() + " " + s.evaluatedTo() + " " + counts(s, Item766.ON_TIME) + " " + counts(s, Item766.PAKN_ON_TIME);
    }

    @Test
    void readOnTheTenthOpenRecordsAreTimedAtTheTenth() {
        // a: 10/03 <= 12/03 on time; b: 10/03 > 05/03 late. The feedback: 10/03 <= 23/03, on time so far.
        assertEquals("true 2026-03-10 1/2 1/1", readOn(LocalDate.of(2026, 3, 10)));
    }

    @Test
    void readAfterThePeriodTheyAreTimedAtItsEnd() {
        // both still open at 31/03, past 12/03 and 05/03; the feedback past 23/03.
        assertEquals("false 2026-03-31 0/2 0/1", readOn(LocalDate.of(2026, 4, 2)));
    }
}
