package vn.bantin.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

/**
 * The 365 days of 2022 and a picker that draws a day with weights by month and by kind of day
 * (working day, Saturday, Sunday or public holiday), so volumes differ from month to month.
 */
final class Year2022 {

    static final LocalDate FIRST = LocalDate.of(2022, 1, 1);
    static final LocalDate LAST = LocalDate.of(2022, 12, 31);
    static final int DAYS = 365;

    /**
     * Days off in 2022: New Year (1/1, moved to Mon 3/1), Tết 29/1-6/2, Hùng Kings (moved to 11/4),
     * 30/4-1/5 (moved to 2-3/5), National Day 1-2/9. Sundays inside them are off anyway.
     */
    private static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 3),
            LocalDate.of(2022, 1, 29), LocalDate.of(2022, 1, 31), LocalDate.of(2022, 2, 1),
            LocalDate.of(2022, 2, 2), LocalDate.of(2022, 2, 3), LocalDate.of(2022, 2, 4),
            LocalDate.of(2022, 2, 5),
            LocalDate.of(2022, 4, 11),
            LocalDate.of(2022, 4, 30), LocalDate.of(2022, 5, 2), LocalDate.of(2022, 5, 3),
            LocalDate.of(2022, 9, 1), LocalDate.of(2022, 9, 2));

    private Year2022() {
    }

    static LocalDate day(int index) {
        return FIRST.plusDays(index);
    }

    static boolean isWorkingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !HOLIDAYS.contains(date);
    }

    /** The first working day at or after day {@code index}; {@link #DAYS} or more when it falls after 2022. */
    static int workingDayFrom(int index) {
        int i = index;
        while (i < DAYS && !isWorkingDay(day(i))) {
            i++;
        }
        return i;
    }

    /** Weighted draw of a day index 0..364. */
    static final class Picker {
        private final double[] cumulative = new double[DAYS];

        /**
         * @param monthWeights twelve relative volumes, January first
         * @param saturday weight of a Saturday relative to a working day (1)
         * @param offDay weight of a Sunday or public holiday
         */
        Picker(double[] monthWeights, double saturday, double offDay) {
            double running = 0;
            for (int i = 0; i < DAYS; i++) {
                LocalDate date = day(i);
                double kind = isWorkingDay(date) ? 1
                        : date.getDayOfWeek() == DayOfWeek.SATURDAY && !HOLIDAYS.contains(date) ? saturday
                        : offDay;
                running += monthWeights[date.getMonthValue() - 1] * kind;
                cumulative[i] = running;
            }
        }

        int pick(Dice dice) {
            double target = dice.unit() * cumulative[DAYS - 1];
            int found = Arrays.binarySearch(cumulative, target);
            return found >= 0 ? found : -found - 1;
        }
    }
}
