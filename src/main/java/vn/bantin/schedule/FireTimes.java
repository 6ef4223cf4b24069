package vn.bantin.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * Fire times of a cron schedule, computed without a scheduler.
 *
 * <p>When Quartz catches up a missed fire ("fire once now"), the fire it reports as scheduled is the catch-up
 * moment, not the missed one. {@link #lastAtOrBefore} recovers the fire the run stands for: the latest time of the
 * cron schedule at or before the reported one. For a fire on time both are the same.
 */
public final class FireTimes {
    /** Windows looked back through, smallest first, until one holds a fire of the schedule. */
    private static final long[] LOOK_BACK_SECONDS = {60, 3_600, 86_400, 32L * 86_400, 366L * 86_400,
            5L * 366 * 86_400, 30L * 366 * 86_400};

    private FireTimes() {
    }

    /** Parses a Quartz cron expression read in {@code zone}; the exception's message is Quartz's own. */
    public static CronExpression cron(String expression, ZoneId zone) throws ParseException {
        CronExpression c = new CronExpression(expression);
        c.setTimeZone(TimeZone.getTimeZone(zone));
        return c;
    }

    /** The latest fire of {@code cron} at or before {@code t}; empty when it had none in the last 30 years. */
    public static Optional<Instant> lastAtOrBefore(CronExpression cron, Instant t) {
        Date target = Date.from(t);
        for (long back : LOOK_BACK_SECONDS) {
            Date next = cron.getTimeAfter(Date.from(t.minusSeconds(back)));
            if (next != null && !next.after(target)) {
                Date last = next;
                while ((next = cron.getTimeAfter(last)) != null && !next.after(target)) {
                    last = next;
                }
                return Optional.of(last.toInstant());
            }
        }
        return Optional.empty();
    }

    /** The first fire of {@code cron} strictly after {@code t}; empty when it never fires again. */
    public static Optional<Instant> nextAfter(CronExpression cron, Instant t) {
        return Optional.ofNullable(cron.getTimeAfter(Date.from(t))).map(Date::toInstant);
    }
}
