package vn.bantin.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.quartz.CronExpression;

import vn.bantin.indicator.Period;

/**
 * What a fire of a plan job means, worked out from its job data without touching the scheduler: which bulletins of
 * which period, and the send jobs (one per batch of recipients) that carry it out. Pure, so it is tested directly.
 *
 * @param id       names this plan's send jobs: the same fire planned twice (a re-run after a crash) gives the same
 *                 names, so the store refuses the second set instead of sending twice
 */
record Plan(String id, List<String> bulletins, Period period, boolean force, String cause) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    /** One send job: a batch of recipients of one bulletin. */
    record Batch(String jobName, String bulletin, Period period, List<String> recipients, int index, int total,
                 boolean force, String cause, String planId) {

        String describe() {
            return "send " + bulletin + " " + period.key() + " batch " + index + "/" + total + " (" + recipients.size()
                    + (recipients.size() == 1 ? " recipient)" : " recipients)");
        }

        BulletinRequest request(boolean rerun) {
            String why = cause + ", batch " + index + "/" + total + (rerun ? ", re-run after an interrupted run" : "");
            return new BulletinRequest(bulletin, period, recipients, force, why, planId);
        }
    }

    /**
     * A schedule's fire. {@code scheduledFire} is what Quartz reports as scheduled: the fire itself, or the catch-up
     * moment of a missed one; the period comes from the latest fire of the cron at or before it.
     */
    static Plan ofSchedule(Map<String, ?> data, Instant scheduledFire, boolean recovering) {
        String name = text(data, JobData.SCHEDULE);
        ZoneId zone = ZoneId.of(text(data, JobData.ZONE));
        CronExpression cron;
        try {
            cron = FireTimes.cron(text(data, JobData.CRON), zone);
        } catch (ParseException e) {
            throw new IllegalStateException("schedule " + name + " has a bad cron expression in the store: " + e.getMessage());
        }
        Instant nominal = FireTimes.lastAtOrBefore(cron, scheduledFire).orElse(scheduledFire);
        PeriodRule rule = PeriodRule.valueOf(text(data, JobData.RULE));
        ZonedDateTime at = nominal.atZone(zone);
        Period period = rule.periodFor(at);
        StringBuilder cause = new StringBuilder("schedule ").append(name).append(" of ").append(WHEN.format(at));
        if (scheduledFire.isAfter(nominal.plusSeconds(60))) {
            cause.append(", caught up at ").append(WHEN.format(scheduledFire.atZone(zone)));
        }
        if (recovering) {
            cause.append(", re-planned after an interrupted run");
        }
        return new Plan(name + "@" + nominal.toEpochMilli(), JobData.split(text(data, JobData.BULLETINS)), period,
                false, cause.toString());
    }

    /** A request stored by {@code trigger} (or {@link BulletinScheduler#requestRun}); {@code id} is its trigger's name. */
    static Plan ofRequest(String id, Map<String, ?> data) {
        return new Plan(id, JobData.split(text(data, JobData.BULLETINS)), Period.parse(text(data, JobData.PERIOD)),
                Boolean.parseBoolean(text(data, JobData.FORCE)), text(data, JobData.CAUSE));
    }

    /** The send jobs: each bulletin's recipients cut into batches of {@code batchSize}. */
    List<Batch> batches(RecipientSource recipients, int batchSize) {
        List<Batch> out = new ArrayList<>();
        for (String bulletin : bulletins) {
            List<List<String>> batches = Batches.split(recipients.recipients(bulletin), batchSize);
            for (int i = 0; i < batches.size(); i++) {
                String jobName = "send." + bulletin + "." + JobData.periodText(period) + "." + id + "." + (i + 1);
                out.add(new Batch(jobName, bulletin, period, batches.get(i), i + 1, batches.size(), force, cause, id));
            }
        }
        return out;
    }

    /** One line on what was planned, e.g. "province 2021-12: 3 send jobs (120 recipients); unit 2021-12: no recipient". */
    static String summary(Plan plan, List<Batch> batches) {
        List<String> parts = new ArrayList<>();
        for (String bulletin : plan.bulletins()) {
            List<Batch> mine = batches.stream().filter(b -> b.bulletin().equals(bulletin)).toList();
            int people = mine.stream().mapToInt(b -> b.recipients().size()).sum();
            parts.add(bulletin + " " + plan.period().key() + ": " + (mine.isEmpty() ? "no recipient receives it"
                    : mine.size() + " send job" + (mine.size() == 1 ? "" : "s") + " (" + people + " recipients)"));
        }
        return String.join("; ", parts);
    }

    private static String text(Map<String, ?> data, String key) {
        Object v = data.get(key);
        if (v == null) {
            throw new IllegalStateException("job data has no '" + key + "'");
        }
        return v.toString();
    }
}
