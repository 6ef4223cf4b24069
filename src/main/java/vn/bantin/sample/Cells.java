package vn.bantin.sample;

import java.text.Normalizer;
import java.time.LocalDate;

/**
 * Writes values the way real platform exports do: mostly in one form, sometimes in another
 * accepted by the data contract, so the sample exercises every rule of the reader.
 * Every variant here is valid; the deliberately bad rows are made elsewhere.
 */
final class Cells {

    /** Share of dates written dd/MM/yyyy (some systems export Vietnamese-style dates). */
    private static final double VIETNAMESE_DATE = 0.25;
    /** Share of dates written as a date-time (a few systems export a time stamp). */
    private static final double DATE_TIME = 0.01;
    /** Share of directions written den/di instead of in/out. */
    private static final double VIETNAMESE_DIRECTION = 0.10;
    /** Share of channels written as the Decision 766 code 1/2/3 instead of a word. */
    private static final double CHANNEL_CODE = 0.15;
    /** Share of feedback statuses written in Vietnamese. */
    private static final double VIETNAMESE_STATUS = 0.30;
    /** Share of category cells written in decomposed Unicode (NFD), as some web forms send. */
    private static final double DECOMPOSED_TEXT = 0.12;

    /** Boolean word pairs {true, false} with how often each appears. */
    private static final String[][] BOOLEAN_WORDS = {
        {"true", "false"}, {"1", "0"}, {"có", "không"}, {"y", "n"}, {"yes", "no"}, {"TRUE", "FALSE"}, {"Có", "Không"},
    };
    private static final double[] BOOLEAN_WEIGHTS = {0.50, 0.20, 0.10, 0.08, 0.05, 0.05, 0.02};

    private static final String[] ISO = new String[Year2022.DAYS];
    private static final String[] VIETNAMESE = new String[Year2022.DAYS];

    static {
        for (int i = 0; i < Year2022.DAYS; i++) {
            ISO[i] = iso(Year2022.day(i));
            VIETNAMESE[i] = vietnamese(Year2022.day(i));
        }
    }

    private final Dice dice;

    Cells(Dice dice) {
        this.dice = dice;
    }

    String date(int dayIndex) {
        double roll = dice.unit();
        if (roll < DATE_TIME) {
            return dateTime(Year2022.day(dayIndex));
        }
        return roll < DATE_TIME + VIETNAMESE_DATE ? VIETNAMESE[dayIndex] : ISO[dayIndex];
    }

    /** A date that may fall outside 2022 (a due date in January 2023). */
    String date(LocalDate date) {
        if (date.getYear() == 2022) {
            return date(date.getDayOfYear() - 1);
        }
        return dice.chance(VIETNAMESE_DATE) ? vietnamese(date) : iso(date);
    }

    String bool(boolean value) {
        double roll = dice.unit();
        int form = 0;
        for (double acc = BOOLEAN_WEIGHTS[0]; roll >= acc && form < BOOLEAN_WEIGHTS.length - 1; ) {
            form++;
            acc += BOOLEAN_WEIGHTS[form];
        }
        return BOOLEAN_WORDS[form][value ? 0 : 1];
    }

    String direction(boolean incoming) {
        boolean vietnamese = dice.chance(VIETNAMESE_DIRECTION);
        if (incoming) {
            return vietnamese ? "den" : "in";
        }
        return vietnamese ? "di" : "out";
    }

    String channel(Channel channel) {
        return dice.chance(CHANNEL_CODE) ? channel.code766() : channel.word();
    }

    String status(FeedbackStatus status) {
        return dice.chance(VIETNAMESE_STATUS) ? status.vietnamese() : status.word();
    }

    String text(String nfc) {
        return dice.chance(DECOMPOSED_TEXT) ? Normalizer.normalize(nfc, Normalizer.Form.NFD) : nfc;
    }

    private String dateTime(LocalDate date) {
        // Office hours 07:00-17:59, the hours the platforms stamp most records with.
        int hour = dice.between(7, 17);
        int minute = dice.between(0, 59);
        int second = dice.between(0, 59);
        String time = two(hour) + ":" + two(minute);
        return switch (dice.between(0, 3)) {
            case 0 -> iso(date) + "T" + time;
            case 1 -> iso(date) + "T" + time + ":" + two(second);
            case 2 -> vietnamese(date) + " " + time;
            default -> vietnamese(date) + " " + time + ":" + two(second);
        };
    }

    static String iso(LocalDate date) {
        return date.getYear() + "-" + two(date.getMonthValue()) + "-" + two(date.getDayOfMonth());
    }

    static String vietnamese(LocalDate date) {
        return two(date.getDayOfMonth()) + "/" + two(date.getMonthValue()) + "/" + date.getYear();
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /** Zero-padded sequence number for ids such as VB22-0000123. */
    static String padded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
