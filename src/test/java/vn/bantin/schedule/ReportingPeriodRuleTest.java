package vn.bantin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import vn.bantin.indicator.Period;

/** The Decree 09/2019 reporting cut-off as a schedule's period: the last reporting period ended before the fire. */
class ReportingPeriodRuleTest {

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.parse(local + "+07:00[Asia/Ho_Chi_Minh]");
    }

    @Test
    void aFireOnTheFifteenthMeansTheReportingMonthThatEndedTheDayBefore() {
        Period march = PeriodRule.PREVIOUS_REPORTING_MONTH.periodFor(at("2026-03-15T07:30"));
        assertEquals(LocalDate.of(2026, 2, 15), march.start());
        assertEquals(LocalDate.of(2026, 3, 14), march.end());
        assertEquals("2026-03-bc", march.key());
        assertEquals(Period.parse("2026-02-bc"), PeriodRule.PREVIOUS_REPORTING_MONTH.periodFor(at("2026-03-14T23:00")));
        assertEquals(Period.parse("2025-12-bc"), PeriodRule.PREVIOUS_REPORTING_MONTH.periodFor(at("2026-01-03T07:30")));
    }

    @Test
    void quartersAndYearsEndOnTheFourteenthOfTheirLastMonth() {
        Period q1 = PeriodRule.PREVIOUS_REPORTING_QUARTER.periodFor(at("2026-03-20T07:30"));
        assertEquals(LocalDate.of(2025, 12, 15), q1.start());
        assertEquals(LocalDate.of(2026, 3, 14), q1.end());
        assertEquals(Period.parse("2026-Q1-bc"), PeriodRule.PREVIOUS_REPORTING_QUARTER.periodFor(at("2026-05-20T07:30")));
        assertEquals(Period.parse("2025-Q4-bc"), PeriodRule.PREVIOUS_REPORTING_QUARTER.periodFor(at("2026-03-03T07:30")));
        Period year = PeriodRule.PREVIOUS_REPORTING_YEAR.periodFor(at("2026-01-05T07:30"));
        assertEquals(LocalDate.of(2024, 12, 15), year.start());
        assertEquals(LocalDate.of(2025, 12, 14), year.end());
        assertEquals(Period.parse("2026-bc"), PeriodRule.PREVIOUS_REPORTING_YEAR.periodFor(at("2026-12-15T07:30")));
    }

    @Test
    void comparisonsStayOnTheCutOff() {
        Period march = Period.parse("2026-03-BC");
        assertEquals(Period.parse("2026-02-bc"), march.previous());
        assertEquals(Period.parse("2025-03-bc"), march.sameLastYear());
        assertEquals(Period.parse("2025-12-bc"), Period.parse("2026-01-bc").previous());
        assertEquals(Period.parse("2025-Q4-bc"), Period.parse("2026-Q1-bc").previous());
        assertEquals(3, march.index());
        assertEquals(2026, Period.parse("2026-01-bc").year(), "named for the year it ends in");
        assertEquals(PeriodRule.PREVIOUS_REPORTING_MONTH, PeriodRule.parse("previous-reporting-month").orElseThrow());
    }
}
