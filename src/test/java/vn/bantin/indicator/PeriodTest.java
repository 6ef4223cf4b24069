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
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.parse("2022-13")).getMessage().contains("not a valid period"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2022-06-30..2022-01-01"));
    }
}
