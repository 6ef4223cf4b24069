package vn.bantin.indicator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span a bulletin covers, inclusive, in local dates.
 * {@code key} is the text the user typed in its canonical form, used for folder names.
 */
public record Period(Kind kind, LocalDate start, LocalDate end, String key) {

    /**
     * {@code REPORTING_*}: the Decree 09/2019/NĐ-CP reporting cut-off (art. 12): a month from the 15th of the month
     * before to the 14th, a quarter from the 15th of the month before it to the 14th of its last month, a year from
     * 15/12 of the year before to 14/12.
     */
    public enum Kind {
        MONTH, QUARTER, YEAR, RANGE, REPORTING_MONTH, REPORTING_QUARTER, REPORTING_YEAR;

        public boolean reporting() {
            return this == REPORTING_MONTH || this == REPORTING_QUARTER || this == REPORTING_YEAR;
        }
    }

    private static final Pattern REPORTING = Pattern.compile("(\\d{4})(?:-(\\d{2})|-[Qq]([1-4]))?-(?:bc|BC)");

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public Period {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** What {@code --period} accepts, for the messages that refuse a period. */
    public static final String FORMS = "a year (2022), a month (2022-12), a quarter (2022-Q4), a date range"
            + " (2022-01-01..2022-06-30), or a reporting period of Decree 09/2019 (2026-03-bc: 15/02 to 14/03; 2026-Q1-bc;"
            + " 2026-bc)";

    /** Parses {@code 2022}, {@code 2022-12}, {@code 2022-Q4} or {@code 2022-01-01..2022-06-30}. */
    public static Period parse(String text) {
        String s = text.trim();
        Matcher m;
        if ((m = REPORTING.matcher(s)).matches()) {
            int y = Integer.parseInt(m.group(1));
            if (m.group(2) != null) {
                int month = Integer.parseInt(m.group(2));
                if (month < 1 || month > 12) {
                    throw refused(text, "the month is " + m.group(2) + ", and a month is 01 to 12", "month", m.group(2));
                }
                return reporting(Kind.REPORTING_MONTH, YearMonth.of(y, month), 1, String.format("%d-%02d-bc", y, month));
            }
            if (m.group(3) != null) {
                int q = Integer.parseInt(m.group(3));
                return reporting(Kind.REPORTING_QUARTER, YearMonth.of(y, 3 * q), 3, y + "-Q" + q + "-bc");
            }
            return reporting(Kind.REPORTING_YEAR, YearMonth.of(y, 12), 12, y + "-bc");
        }
        if ((m = YEAR.matcher(s)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return new Period(Kind.YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), s);
        }
        if ((m = MONTH.matcher(s)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw refused(text, "the month is " + m.group(2) + ", and a month is 01 to 12", "month", m.group(2));
            }
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
            return new Period(Kind.MONTH, ym.atDay(1), ym.atEndOfMonth(), ym.toString());
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            int y = Integer.parseInt(m.group(1));
            int q = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(y, 3 * q - 2);
            return new Period(Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth(), y + "-Q" + q);
        }
        if ((m = RANGE.matcher(s)).matches()) {
            LocalDate a = date(text, m.group(1));
            LocalDate b = date(text, m.group(2));
            if (b.isBefore(a)) {
                throw refused(text, "the range ends (" + b + ") before it starts (" + a + ")", "range", b.toString(), a.toString());
            }
            return new Period(Kind.RANGE, a, b, a + "_" + b);
        }
        if (s.matches("\\d{4}-[Qq]\\d+")) {
            throw refused(text, "a quarter is Q1 to Q4", "quarter");
        }
        throw new NotAPeriod("'" + text + "' is not a period: write " + FORMS, "form", List.of(String.valueOf(text)));
    }

    /** From the 15th of the month before the first of {@code months} months ending with {@code last}, to last's 14th. */
    private static Period reporting(Kind kind, YearMonth last, int months, String key) {
        return new Period(kind, last.minusMonths(months).atDay(15), last.atDay(14), key);
    }

    private static LocalDate date(String text, String date) {
        try {
            return LocalDate.parse(date);
        } catch (java.time.DateTimeException e) {
            throw refused(text, date + " is not a day of the calendar (yyyy-MM-dd)", "day", date);
        }
    }

    private static NotAPeriod refused(String text, String why, String reason, String... values) {
        List<String> args = new java.util.ArrayList<>(List.of(String.valueOf(text)));
        args.addAll(List.of(values));
        return new NotAPeriod("'" + text + "' is not a period: " + why + "; write " + FORMS, reason, args);
    }

    /**
     * A text that is not a period. {@code reason}: month, range, quarter, day or form (none of the forms); {@code args}:
     * the text, then what the reason names (the month; the range's end and start; the day), for a page to word it.
     */
    public static final class NotAPeriod extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String reason;
        private final transient List<String> args;

        NotAPeriod(String english, String reason, List<String> args) {
            super(english);
            this.reason = reason;
            this.args = List.copyOf(args);
        }

        public String reason() {
            return reason;
        }

        public List<String> args() {
            return args;
        }
    }

    /** The period just before: the month, quarter or year before; for a range, as many days just before it. */
    public Period previous() {
        return switch (kind) {
            case MONTH -> parse(YearMonth.from(start).minusMonths(1).toString());
            case REPORTING_MONTH -> parse(YearMonth.from(end).minusMonths(1) + "-bc");
            case REPORTING_QUARTER -> index() == 1 ? parse((year() - 1) + "-Q4-bc") : parse(year() + "-Q" + (index() - 1) + "-bc");
            case REPORTING_YEAR -> parse((year() - 1) + "-bc");
            case QUARTER -> index() == 1 ? parse((year() - 1) + "-Q4") : parse(year() + "-Q" + (index() - 1));
            case YEAR -> parse(Integer.toString(year() - 1));
            case RANGE -> {
                long days = end.toEpochDay() - start.toEpochDay() + 1;
                yield parse(start.minusDays(days) + ".." + start.minusDays(1));
            }
        };
    }

    /** The same period a year earlier. */
    public Period sameLastYear() {
        return switch (kind) {
            case MONTH -> parse(YearMonth.from(start).minusYears(1).toString());
            case REPORTING_MONTH -> parse(YearMonth.from(end).minusYears(1) + "-bc");
            case REPORTING_QUARTER -> parse((year() - 1) + "-Q" + index() + "-bc");
            case REPORTING_YEAR -> parse((year() - 1) + "-bc");
            case QUARTER -> parse((year() - 1) + "-Q" + index());
            case YEAR -> parse(Integer.toString(year() - 1));
            case RANGE -> parse(start.minusYears(1) + ".." + end.minusYears(1));
        };
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }

    /** Whether anything of [from, to] (either end open when null) falls in this period. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (from == null || !from.isAfter(end)) && (to == null || !to.isBefore(start));
    }

    /** The year the period is named for (a reporting period's is the year it ends in). */
    public int year() {
        return kind.reporting() ? end.getYear() : start.getYear();
    }

    /** Month of a MONTH period, quarter number of a QUARTER period. */
    public int index() {
        return switch (kind) {
            case MONTH -> start.getMonthValue();
            case QUARTER -> (start.getMonthValue() + 2) / 3;
            case REPORTING_MONTH -> end.getMonthValue();
            case REPORTING_QUARTER -> (end.getMonthValue() + 2) / 3;
            default -> 0;
        };
    }
}
