package vn.bantin.schedule;

import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import vn.bantin.indicator.Period;

/**
 * Which period a scheduled bulletin covers, from the time the trigger was scheduled to fire (never from "now": a
 * run caught up on the 5th for the trigger of the 3rd still covers the month closed before the 3rd).
 */
public enum PeriodRule {
    /** The calendar month before the one the fire time falls in: the 3rd of January means December. */
    PREVIOUS_MONTH,
    /** The quarter before the one the fire time falls in: the 5th of April means Q1. */
    PREVIOUS_QUARTER,
    /** The year before the fire time's year. */
    PREVIOUS_YEAR,
    /**
     * The last Decree 09/2019 reporting month ended before the fire time (15th of a month to the 14th of the next):
     * the 16th of March means 15/02–14/03, the 3rd of March 15/01–14/02.
     */
    PREVIOUS_REPORTING_MONTH,
    /** The last reporting quarter ended before the fire time (15/12–14/03, 15/03–14/06, …). */
    PREVIOUS_REPORTING_QUARTER,
    /** The last reporting year ended before the fire time (15/12 of the year before to 14/12). */
    PREVIOUS_REPORTING_YEAR;

    /** The period for a trigger scheduled to fire at {@code scheduledFire}, read in the trigger's own zone. */
    public Period periodFor(ZonedDateTime scheduledFire) {
        YearMonth month = YearMonth.from(scheduledFire.toLocalDate());
        return switch (this) {
            case PREVIOUS_MONTH -> Period.parse(month.minusMonths(1).toString());
            case PREVIOUS_QUARTER -> {
                YearMonth inPrevious = month.minusMonths(3);
                yield Period.parse(inPrevious.getYear() + "-Q" + ((inPrevious.getMonthValue() + 2) / 3));
            }
            case PREVIOUS_YEAR -> Period.parse(Integer.toString(month.getYear() - 1));
            case PREVIOUS_REPORTING_MONTH -> Period.parse(lastReportingMonth(scheduledFire) + "-bc");
            case PREVIOUS_REPORTING_QUARTER -> {
                YearMonth last = lastReportingMonth(scheduledFire);
                YearMonth quarterEnd = last.minusMonths(last.getMonthValue() % 3);
                yield Period.parse(quarterEnd.getYear() + "-Q" + quarterEnd.getMonthValue() / 3 + "-bc");
            }
            case PREVIOUS_REPORTING_YEAR -> {
                YearMonth last = lastReportingMonth(scheduledFire);
                yield Period.parse((last.getMonthValue() == 12 ? last.getYear() : last.getYear() - 1) + "-bc");
            }
        };
    }

    /** The month whose reporting month (ending on its 14th) is the last one ended before the fire time. */
    private static YearMonth lastReportingMonth(ZonedDateTime fire) {
        YearMonth month = YearMonth.from(fire.toLocalDate());
        return fire.getDayOfMonth() > 14 ? month : month.minusMonths(1);
    }

    /**
     * The word used in config files: {@code previous-month}, {@code previous-quarter}, {@code previous-year}, and the
     * Decree 09/2019 cut-off {@code previous-reporting-month}, {@code previous-reporting-quarter},
     * {@code previous-reporting-year}.
     */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<PeriodRule> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(r -> r.configName().equals(t)).findFirst();
    }

    /** The choices for error messages. */
    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(PeriodRule::configName).toList());
    }
}
