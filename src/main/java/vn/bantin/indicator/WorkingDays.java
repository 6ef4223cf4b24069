package vn.bantin.indicator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The working-day calendar of {@code config/holidays.csv} (spec indicators-766 §3): Monday to Friday, minus the days
 * off it lists, plus the Saturdays or Sundays it lists as worked. Nothing is computed from rules. Each instance
 * remembers the years its computations touched that the file has no entry for, for the run summary's warning.
 */
public final class WorkingDays {
    private final NavigableMap<LocalDate, Boolean> entries;
    private final Set<Integer> listedYears;
    private final Set<Integer> touched = new ConcurrentSkipListSet<>();

    /** {@code entries}: date → true for a worked weekend day, false for a day off. */
    public WorkingDays(Map<LocalDate, Boolean> entries) {
        this.entries = Collections.unmodifiableNavigableMap(new TreeMap<>(entries));
        Set<Integer> years = new TreeSet<>();
        entries.keySet().forEach(d -> years.add(d.getYear()));
        this.listedYears = Collections.unmodifiableSet(years);
    }

    /** No holidays at all: every year warns. */
    public static WorkingDays mondayToFriday() {
        return new WorkingDays(Map.of());
    }

    /** The same calendar with its own record of the years touched: one per run. */
    public WorkingDays tracking() {
        return new WorkingDays(entries);
    }

    /** The calendar as listed: date → true for a worked weekend day, false for a day off. */
    public java.util.NavigableMap<LocalDate, Boolean> entries() {
        return entries;
    }

    public boolean isWorking(LocalDate d) {
        touch(d.getYear());
        Boolean listed = entries.get(d);
        return listed != null ? listed : !weekend(d);
    }

    /** {@code add_wd(d, n)}: the n-th working day after {@code d}, not counting d; {@code add(d, 0)} is d. */
    public LocalDate add(LocalDate d, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a negative number of working days: " + n);
        }
        LocalDate day = d;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorking(day)) {
                left--;
            }
        }
        return day;
    }

    /** {@code wd(a, b]}: working days w with a &lt; w ≤ b; 0 when b ≤ a. Arithmetic, so a long span costs nothing. */
    public long between(LocalDate a, LocalDate b) {
        if (!b.isAfter(a)) {
            return 0;
        }
        for (int y = a.plusDays(1).getYear(); y <= b.getYear(); y++) {
            touch(y);
        }
        long count = weekdaysUpTo(b) - weekdaysUpTo(a);
        for (Map.Entry<LocalDate, Boolean> e : entries.subMap(a, false, b, true).entrySet()) {
            boolean weekend = weekend(e.getKey());
            if (e.getValue() && weekend) {
                count++;
            } else if (!e.getValue() && !weekend) {
                count--;
            }
        }
        return count;
    }

    /** Years a computation touched that the file lists nothing for, in order. */
    public Set<Integer> yearsWithoutEntries() {
        Set<Integer> out = new TreeSet<>(touched);
        out.removeAll(listedYears);
        return out;
    }

    private void touch(int year) {
        if (!listedYears.contains(year)) {
            touched.add(year);
        }
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Monday-to-Friday days from an arbitrary Monday epoch up to and including {@code d}. */
    private static long weekdaysUpTo(LocalDate d) {
        long days = d.toEpochDay() - EPOCH_MONDAY; // day 0 is a Monday
        long weeks = Math.floorDiv(days, 7);
        long rest = Math.floorMod(days, 7); // 0 = Monday … 6 = Sunday
        return weeks * 5 + Math.min(rest + 1, 5);
    }

    private static final long EPOCH_MONDAY = LocalDate.of(1969, 12, 29).toEpochDay();
}
