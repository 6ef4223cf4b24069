package vn.bantin.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A merged commune's comparisons take its predecessors' records, following chains, from their effective date. */
class UnitChangesTest {
    private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);
    private static final UnitChanges CHANGES = new UnitChanges(List.of(
            new UnitChanges.Change("X-OLD1", "X-NEW", JULY_2025),
            new UnitChanges.Change("X-OLD2", "X-NEW", JULY_2025),
            new UnitChanges.Change("X-OLDER", "X-OLD1", LocalDate.of(2020, 1, 1)),
            new UnitChanges.Change("X-LATER", "X-NEW", LocalDate.of(2027, 1, 1))));

    @Test
    void predecessorsAreTheUnitsThatLeadToItByThePeriodsEnd() {
        LocalDate q1 = LocalDate.of(2026, 3, 31);
        assertEquals(List.of("X-OLD1", "X-OLD2", "X-OLDER"), CHANGES.predecessors("X-NEW", q1));
        assertEquals("X-NEW", CHANGES.successor("X-OLDER", q1));
        assertEquals("X-LATER", CHANGES.successor("X-LATER", q1), "not merged yet");
        assertEquals("X-OLD1", CHANGES.successor("X-OLD1", LocalDate.of(2025, 6, 30)), "before the merger");
        assertEquals(List.of(), CHANGES.predecessors("X-OTHER", q1));
    }

    @Test
    void aMergedUnitsYearAgoFiguresCountItsPredecessorsRecords() {
        UnitTree tree = new UnitTree(List.of(
                new Unit("X-OLD1", "UBND xã Cũ Một", Level.COMMUNE, null, null, LocalDate.of(2025, 6, 30)),
                new Unit("X-OLD2", "UBND xã Cũ Hai", Level.COMMUNE, null, null, LocalDate.of(2025, 6, 30)),
                new Unit("X-NEW", "UBND xã Mới", Level.COMMUNE, null, JULY_2025, null)));
        Period now = Period.parse("2026-Q1");
        Period yearAgo = now.sameLastYear();
        Tally766 tally = new Tally766(yearAgo, WorkingDays.mondayToFriday(), null, CHANGES.creditAsOf(now.end()));
        tally.add(new Dossier("X-OLD1", Dossier.Channel.ONLINE, LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 10),
                LocalDate.of(2025, 2, 7)));
        tally.add(new Dossier("X-OLD2", Dossier.Channel.DIRECT, LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 4),
                LocalDate.of(2025, 2, 7)));
        Scores766 scores = new Engine766(Scoring766.defaults()).compute(tree, tally,
                java.util.Set.of("dossiers.due_date", "dossiers.finished_date"), now);
        Scores766.ItemFigure.Counted onTime = (Scores766.ItemFigure.Counted) scores.unit("X-NEW").orElseThrow().score()
                .items().get(Item766.ON_TIME);
        assertEquals(1, onTime.numerator());
        assertEquals(2, onTime.denominator());
        assertEquals(List.of("X-NEW"), scores.units().stream().map(u -> u.unit().code()).toList(),
                "scored for today's units");
    }
}
