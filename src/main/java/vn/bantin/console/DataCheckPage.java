package vn.bantin.console;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.InputCheck;
import vn.bantin.source.FileStats;
import vn.bantin.source.QualityGate;
import vn.bantin.source.Reject;
import vn.bantin.source.SourceFile;

/**
 * The report of {@code data check --period P} as the Data page shows it: the same check and the same facts as on the
 * terminal, in the reader's language. The reasons a row is rejected and why a period is not ready come from the
 * reading code in English; each known one is put in the console's words by its pattern, the values kept.
 */
public record DataCheckPage(List<FileCard> files, List<Verdict> verdicts) {

    /** One export: how it was read, with its rejects and codes that name nothing, worded. */
    public record FileCard(String name, String format, String rows, String dates, String columns, String ignored,
                           List<String> rejects, List<String> unknown, List<String> examples) {}

    /** The end of the report: {@code kind} is ok, warning or stop. */
    public record Verdict(String kind, String text) {}

    /** English reason (as the reading code words it) to the label that says it, its groups as the label's {0}, {1}. */
    private static final Map<Pattern, String> REASONS = Rewording.forms(
            "not a valid date: .*", "date",
            "not a count: .*", "count",
            "not a fee: .*", "fee",
            "not a yes/no value: .*", "yesNo",
            "not a rating: .*", "rating",
            "not a score: .*", "score",
            "not a rank: .*", "rank",
            "unknown unit code: .*", "unit",
            "unknown procedure code: .*", "procedure",
            "unknown direction: .*", "direction",
            "unknown channel: .*", "channel",
            "unknown status: .*", "status",
            "ambiguous status: .*", "ambiguous",
            "required value is empty", "empty",
            "duplicate (\\S+): an earlier row has the same value and counts instead", "duplicate",
            "deadline before the date received \\((.*)\\)", "deadline",
            "still processing, yet finished_date is given \\((.*)\\)", "stillProcessing",
            "unknown parent unit: .*", "parent",
            "unknown level: .*", "level",
            "unknown online level: .*", "onlineLevel",
            "unknown group: .*", "group",
            "a maximum must be above 0", "max",
            "score above the maximum \\((.*)\\)", "aboveMax",
            "a second row for the same period, unit and group: the first counts", "secondRow",
            "a (\\S+) dossier needs the date it ended: finished_date is empty", "finishedMissing",
            "value longer than (\\d+) characters, .*", "tooLong",
            "line longer than (\\d+) characters", "lineTooLong",
            "broken quoting: a quoted field opened on this line is never closed", "quoteNotClosed",
            "broken quoting: text after the closing quote of field (\\d+)", "textAfterQuote",
            "(\\S+) reaches (\\S+) only, the period ends (\\S+)", "notReady.reaches",
            "(\\S+) has no dated rows, the period ends (\\S+)", "notReady.undated",
            "no document and no dossier falls in the period: .*", "notReady.zeros");

    public static DataCheckPage of(InputCheck.Result r, Settings settings, Period p, View v) {
        List<FileCard> files = new ArrayList<>();
        for (FileStats s : r.data().stats()) {
            files.add(card(s, settings.sourceOptions().format(s.source()).maxRejectPercent(), v));
        }
        List<Verdict> verdicts = new ArrayList<>();
        String unitsFile = settings.sourceOptions().format(SourceFile.UNITS).fileName();
        r.unknownUnits().forEach(u -> verdicts.add(new Verdict("warning", v.t("data.unknownRecipientUnit",
                u.origin() == null ? u.email() : u.origin(), u.unit(), unitsFile, u.email()))));
        for (QualityGate.Breach b : r.breaches()) {
            verdicts.add(new Verdict("stop", v.t("data.breach", b.stats().fileName(), percent(b.stats().rejectPercent(), v),
                    number(b.limitPercent(), v))));
        }
        r.notReady().forEach(why -> verdicts.add(new Verdict("stop", v.t("data.notReady", reason(why, v)))));
        if (!r.stops()) {
            verdicts.add(new Verdict("ok", v.t("data.ok", p.key())));
        }
        return new DataCheckPage(files, verdicts);
    }

    private static FileCard card(FileStats s, double limit, View v) {
        String rows = v.t("data.rowsLine", number(s.rowsRead(), v), number(s.rowsCounted(), v), number(s.rowsRejected(), v),
                percent(s.rejectPercent(), v), number(limit, v));
        String dates = s.firstDate() == null ? null : s.firstDate() + " – " + s.lastDate();
        List<String> columns = new ArrayList<>();
        s.matched().forEach((column, header) -> columns.add(column.equals(header) ? column : column + " ← " + header));
        List<String> rejects = s.rejectReasons().entrySet().stream()
                .map(e -> v.t("data.rejectLine", number(e.getValue(), v), reason(e.getKey(), v))).toList();
        List<String> unknown = s.unknownCodes().entrySet().stream()
                .map(e -> v.t("data.unknownLine", e.getKey(), number(e.getValue(), v))).toList();
        List<String> examples = new ArrayList<>();
        for (Reject x : s.examples()) {
            examples.add(v.t("data.exampleLine", Long.toString(x.line()), x.column(), value(x.value(), v), reason(x.reason(), v)));
        }
        return new FileCard(s.fileName(), s.format(), rows, dates, String.join(", ", columns),
                s.ignoredColumns().isEmpty() ? null : String.join(", ", s.ignoredColumns()), rejects, unknown, examples);
    }

    /** A reason in the reader's words when the console knows it; one it does not know as the reading code gave it. */
    static String reason(String english, View v) {
        return Rewording.reword(REASONS, "data.reason.", english, v);
    }

    /** A value cut short by the reading code ("start… (5000 characters)"), its length in the reader's words. */
    static String value(String kept, View v) {
        Matcher m = CUT.matcher(kept);
        return m.matches() ? v.t("data.cutValue", m.group(1), m.group(2)) : kept;
    }

    private static final Pattern CUT = Pattern.compile("(.*)… \\((\\d+) characters\\)", Pattern.DOTALL);

    private static String number(double n, View v) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.forLanguageTag(v.lang()));
        f.setMaximumFractionDigits(2);
        return f.format(n);
    }

    private static String percent(double n, View v) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.forLanguageTag(v.lang()));
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(n);
    }
}
