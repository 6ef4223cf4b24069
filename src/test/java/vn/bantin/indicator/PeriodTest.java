package vn.bantin.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void readsTheFourForms() {
        assertEquals(new Period(Period.Kind.YEAR, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), "2022"), Period.parse("2022"));
        assertEquals(new Period(Period.Kind.MONTH, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), "2024-02"), Period.parse("2024-02"));
        assertEquals(new Period(Period.Kind.QUARTER, LocalDate.of(2022, 10, 1), LocalDate.of(2022, 12, 31), "2022-Q4"), Period.parse("2022-q4"));
        assertEquals(new Period(Period.Kind.RANGE, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30), "2022-01-01_2022-06-30"),
                Period.parse("2022-01-01..2022-06-30"));
    }

    @Test
    void refusesWhatIsNotAPeriodWithTheFormsItTakes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.parse("12/2022")).getMessage().contains("2022-Q4"));
        assertEquals("'2022-13' is not a period: the month is 13, and a month is 01 to 12; write a year (2022), a month"
                + " (2022-12), a quarter (2022-Q4), a date range (2022-01-01..2022-06-30), or a reporting period of Decree 09/2019 (2026-03-bc: 15/02 to 14/03; 2026-Q1-bc; 2026-bc)",
                assertThrows(IllegalArgumentException.class, () -> Period.parse("2022-13")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.parse("2022-Q0")).getMessage()
                .contains("a quarter is Q1 to Q4"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2022-06-30..2022-01-01"));
    }

    @Test
    void knowsThePeriodsABulletinComparesWith() {
        assertEquals(Period.parse("2022-11"), Period.parse("2022-12").previous());
        assertEquals(Period.parse("2021-12"), Period.parse("2022-01").previous());
        assertEquals(Period.parse("2021-12"), Period.parse("2022-12").sameLastYear());
        assertEquals(Period.parse("2021-Q4"), Period.parse("2022-Q1").previous());
        assertEquals(Period.parse("2021-Q1"), Period.parse("2022-Q1").sameLastYear());
        assertEquals(Period.parse("2021"), Period.parse("2022").previous());
        assertEquals(Period.parse("2021-12-02..2021-12-31"), Period.parse("2022-01-01..2022-01-30").previous());
        assertEquals(Period.parse("2023-02-28..2023-03-01"), Period.parse("2024-02-29..2024-03-01").sameLastYear());
    }
}
