package vn.bantin.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import vn.bantin.config.HolidaysFile;

/** Working days as spec indicators-766 §3 defines them, against the shipped config/holidays.csv. */
class WorkingDaysTest {
    private static final WorkingDays SHIPPED = HolidaysFile.read(Path.of("config/holidays.csv"));

    @Test
    void tetMovesAFifteenWorkingDayDeadlineByAWeek() {
        // The spec's example: add_wd(10/02/2026, 15) = 10/03/2026; without the holidays 03/03.
        assertEquals(LocalDate.of(2026, 3, 10), SHIPPED.add(LocalDate.of(2026, 2, 10), 15));
        assertEquals(LocalDate.of(2026, 3, 3), WorkingDays.mondayToFriday().add(LocalDate.of(2026, 2, 10), 15));
        assertEquals(LocalDate.of(2026, 2, 10), SHIPPED.add(LocalDate.of(2026, 2, 10), 0));
    }

    @Test
    void aWorkedSaturdayCountsAndASwappedFridayDoesNot() {
        assertTrue(SHIPPED.isWorking(LocalDate.of(2026, 1, 10)), "Saturday 10/01/2026 is worked for 02/01");
        assertFalse(SHIPPED.isWorking(LocalDate.of(2026, 1, 2)), "Friday 02/01/2026 is off");
        // (31/12/2025, 12/01/2026]: 05-09/01 and the worked Saturday 10/01, 12/01; 01/01 and 02/01 are off.
        assertEquals(7, SHIPPED.between(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 12)));
        assertEquals(0, SHIPPED.between(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 12)));
        assertEquals(0, SHIPPED.between(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 5)));
    }

    @Test
    void aYearWithoutEntriesIsRememberedForTheWarning() {
        WorkingDays days = SHIPPED.tracking();
        days.add(LocalDate.of(2026, 12, 20), 15);
        assertEquals(Set.of(2027), days.yearsWithoutEntries(), "no holidays listed for 2027");
        assertEquals(Set.of(), SHIPPED.tracking().yearsWithoutEntries());
    }

    /** wd(d, add_wd(d, n)] = n: the two rules agree, whatever the day and the span, across 2022-2026. */
    @Property(tries = 300)
    void countingBackTheDaysAddedGivesTheirNumber(@ForAll @IntRange(min = 0, max = 1800) int offset,
                                                  @ForAll @IntRange(min = 0, max = 60) int n) {
        LocalDate d = LocalDate.of(2022, 1, 1).plusDays(offset);
        LocalDate later = SHIPPED.add(d, n);
        assertEquals(n, SHIPPED.between(d, later));
        assertTrue(n == 0 || SHIPPED.isWorking(later), "the n-th working day is a working day");
    }

    /** The arithmetic count equals counting day by day. */
    @Property(tries = 300)
    void theCountEqualsADayByDayCount(@ForAll @IntRange(min = 0, max = 1800) int offset,
                                      @ForAll @IntRange(min = 0, max = 400) int span) {
        LocalDate a = LocalDate.of(2022, 1, 1).plusDays(offset);
        LocalDate b = a.plusDays(span);
        long slow = 0;
        for (LocalDate w = a.plusDays(1); !w.isAfter(b); w = w.plusDays(1)) {
            if (SHIPPED.isWorking(w)) {
                slow++;
            }
        }
        assertEquals(slow, SHIPPED.between(a, b));
    }
}
