package vn.bantin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.bantin.indicator.Period;

class PlanTest {
    private static final List<String> PEOPLE = IntStream.rangeClosed(1, 120).mapToObj(i -> "p" + i + "@bacninh.gov.vn").toList();

    private static Map<String, String> monthly() {
        return Map.of(JobData.SCHEDULE, "monthly", JobData.CRON, "0 30 7 3 * ?", JobData.ZONE, "Asia/Ho_Chi_Minh",
                JobData.RULE, "PREVIOUS_MONTH", JobData.BULLETINS, "province\nunit");
    }

    @Test
    void aScheduledFireMeansThePeriodOfItsDueTime() {
        var due = ZonedDateTime.parse("2022-01-03T07:30+07:00[Asia/Ho_Chi_Minh]").toInstant();
        Plan onTime = Plan.ofSchedule(monthly(), due, false);
        assertEquals(Period.parse("2021-12"), onTime.period());
        assertEquals(List.of("province", "unit"), onTime.bulletins());
        assertEquals("schedule monthly of 2022-01-03 07:30 +07:00", onTime.cause());

        Plan late = Plan.ofSchedule(monthly(), due.plusSeconds(2 * 86_400), true);
        assertEquals(Period.parse("2021-12"), late.period());
        assertEquals(onTime.id(), late.id(), "the same fire planned again has the same id");
        assertEquals("schedule monthly of 2022-01-03 07:30 +07:00, caught up at 2022-01-05 07:30 +07:00,"
                + " re-planned after an interrupted run", late.cause());
    }

    @Test
    void oneHundredTwentyRecipientsInBatchesOfFiftyAreThreeSendJobs() {
        Plan p = new Plan("request-1", List.of("province", "unit"), Period.parse("2022-12"), true, "by hand");
        List<Plan.Batch> batches = p.batches(b -> b.equals("province") ? PEOPLE : List.of(), 50);
        assertEquals(List.of(50, 50, 20), batches.stream().map(b -> b.recipients().size()).toList());
        assertEquals(PEOPLE, batches.stream().flatMap(b -> b.recipients().stream()).toList());
        assertEquals("send.province.2022-12.request-1.3", batches.get(2).jobName());
        assertEquals("send province 2022-12 batch 3/3 (20 recipients)", batches.get(2).describe());
        assertEquals("province 2022-12: 3 send jobs (120 recipients); unit 2022-12: no recipient receives it",
                Plan.summary(p, batches));
        BulletinRequest r = batches.get(0).request(true);
        assertTrue(r.force());
        assertEquals("by hand, batch 1/3, re-run after an interrupted run", r.cause());
    }

    @Test
    void aRangeSurvivesTheStore() {
        Period range = Period.parse("2022-01-01..2022-06-30");
        assertEquals(range, Period.parse(JobData.periodText(range)));
        assertEquals(List.of("a", "b"), JobData.split(JobData.join(List.of("a", "b"))));
    }
}
