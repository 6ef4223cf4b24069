package vn.bantin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import vn.bantin.indicator.Period;

class PeriodRuleTest {
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.parse(local + "+07:00[Asia/Ho_Chi_Minh]");
    }

    @Test
    void monthlyOnTheThirdMeansTheMonthBefore() {
        assertEquals(Period.parse("2021-12"), PeriodRule.PREVIOUS_MONTH.periodFor(at("2022-01-03T07:30")));
        assertEquals(Period.parse("2022-02"), PeriodRule.PREVIOUS_MONTH.periodFor(at("2022-03-03T07:30")));
    }

    @Test
    void quarterlyMeansTheQuarterBefore() {
        assertEquals(Period.parse("2022-Q1"), PeriodRule.PREVIOUS_QUARTER.periodFor(at("2022-04-05T07:30")));
        assertEquals(Period.parse("2021-Q4"), PeriodRule.PREVIOUS_QUARTER.periodFor(at("2022-01-05T07:30")));
        assertEquals(Period.parse("2022-Q3"), PeriodRule.PREVIOUS_QUARTER.periodFor(at("2022-10-05T07:30")));
        // a quarterly cron that fires mid-quarter still means the quarter closed before it
        assertEquals(Period.parse("2022-Q1"), PeriodRule.PREVIOUS_QUARTER.periodFor(at("2022-06-30T23:59")));
    }

    @Test
    void yearlyMeansTheYearBefore() {
        assertEquals(Period.parse("2021"), PeriodRule.PREVIOUS_YEAR.periodFor(at("2022-01-10T07:30")));
    }

    @Test
    void theDateIsReadInTheTriggersZone() {
        // 00:30 on 1 January in Hanoi is still 31 December in UTC: the zone decides the month
        ZonedDateTime hanoi = at("2022-01-01T00:30");
        assertEquals(Period.parse("2021-12"), PeriodRule.PREVIOUS_MONTH.periodFor(hanoi));
        assertEquals(Period.parse("2021-11"), PeriodRule.PREVIOUS_MONTH.periodFor(hanoi.withZoneSameInstant(ZoneId.of("UTC"))));
    }

    @Test
    void aCatchUpOnALaterDayMapsFromTheScheduledFire() throws Exception {
        var monthly = FireTimes.cron("0 30 7 3 * ?", HCM);
        // The service was down from 2 January to 2 February: Quartz fires the missed trigger of 3 January "now".
        Instant caughtUp = at("2022-02-02T09:00").toInstant();
        Instant scheduled = FireTimes.lastAtOrBefore(monthly, caughtUp).orElseThrow();
        assertEquals(at("2022-01-03T07:30").toInstant(), scheduled);
        assertEquals(Period.parse("2021-12"), PeriodRule.PREVIOUS_MONTH.periodFor(scheduled.atZone(HCM)));
        // taking "now" would have been wrong: January is not what the fire of 3 January stands for
        assertEquals(Period.parse("2022-01"), PeriodRule.PREVIOUS_MONTH.periodFor(caughtUp.atZone(HCM)));

        var quarterly = FireTimes.cron("0 30 7 5 1,4,7,10 ?", HCM);
        Instant q = FireTimes.lastAtOrBefore(quarterly, at("2022-05-20T08:00").toInstant()).orElseThrow();
        assertEquals(Period.parse("2022-Q1"), PeriodRule.PREVIOUS_QUARTER.periodFor(q.atZone(HCM)));

        var yearly = FireTimes.cron("0 30 7 10 1 ?", HCM);
        Instant y = FireTimes.lastAtOrBefore(yearly, at("2022-12-31T23:00").toInstant()).orElseThrow();
        assertEquals(Period.parse("2021"), PeriodRule.PREVIOUS_YEAR.periodFor(y.atZone(HCM)));
    }

    @Test
    void aFireOnTimeIsItsOwnScheduledFire() throws Exception {
        var monthly = FireTimes.cron("0 30 7 3 * ?", HCM);
        Instant onTime = at("2022-01-03T07:30").toInstant();
        assertEquals(onTime, FireTimes.lastAtOrBefore(monthly, onTime).orElseThrow());
        // one second before it, the fire stood for is the month before's
        assertEquals(at("2021-12-03T07:30").toInstant(), FireTimes.lastAtOrBefore(monthly, onTime.minusSeconds(1)).orElseThrow());
        // a cron that fires every second finds its fire without walking a year back
        var everySecond = FireTimes.cron("* * * * * ?", HCM);
        assertEquals(onTime, FireTimes.lastAtOrBefore(everySecond, onTime.plusMillis(400)).orElseThrow());
    }

    @Test
    void configNamesRoundTrip() {
        for (PeriodRule r : PeriodRule.values()) {
            assertEquals(r, PeriodRule.parse(r.configName()).orElseThrow());
        }
        assertEquals("previous-month, previous-quarter, previous-year, previous-reporting-month, previous-reporting-quarter, previous-reporting-year", PeriodRule.choices());
    }
}
