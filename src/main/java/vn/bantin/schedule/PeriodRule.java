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
    PREVIOUS_YEAR;

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
        };
    }

    /** The word used in config files: {@code previous-month}, {@code previous-quarter}, {@code previous-year}. */
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
