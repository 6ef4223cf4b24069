package vn.bantin.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import vn.bantin.config.Settings;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Period;
import vn.bantin.source.CsvSource;
import vn.bantin.source.QualityGate;
import vn.bantin.source.RejectSink;
import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceOptions;
import vn.bantin.source.SourceProgress;

/**
 * Everything a run checks in its inputs before it computes or renders anything: each export's header, every row
 * (counted or rejected), the quality gate, whether the exports are complete for the period, and the recipients
 * list against the units. {@code data check} prints this very result and {@code run} obeys it, so that the two
 * cannot disagree about the same files.
 */
public final class InputCheck {

    /**
     * What the inputs give. {@code notReady}: why no bulletin of the period may be made (empty: it may);
     * {@code unknownUnits}: recipients of a unit bulletin whose unit is not in the units export (they are skipped,
     * the others served).
     */
    public record Result(Gathering.Gathered data, List<QualityGate.Breach> breaches, List<String> notReady,
                         List<Recipient> unknownUnits, LocalDate completeUntil) {

        /** Whether a run stops on these inputs, before anything is rendered or sent. */
        public boolean stops() {
            return !breaches.isEmpty() || !notReady.isEmpty();
        }
    }

    private InputCheck() {
    }

    /**
     * Reads the exports once for {@code periods} (the first is the bulletin's own; null when no period is given, as
     * {@code data check} allows: then only the rules that hold for every period apply) and checks them.
     *
     * @param unitRecipients the recipients whose unit bulletin is wanted (their unit must be in the data)
     */
    public static Result check(Settings settings, List<Period> periods, boolean force, Predicate<Recipient> unitRecipients,
                               RejectSink rejects, SourceProgress progress) {
        return check(settings, periods, force, unitRecipients, rejects, progress, null);
    }

    /** As above; {@code readOn}: the day the data was read (a period not ended then has provisional 766 figures). */
    public static Result check(Settings settings, List<Period> periods, boolean force, Predicate<Recipient> unitRecipients,
                               RejectSink rejects, SourceProgress progress, LocalDate readOn) {
        SourceOptions options = settings.sourceOptions();
        CsvSource.checkAll(options);
        Period own = periods.isEmpty() ? null : periods.get(0);
        List<Period> read = own == null ? List.of(everything()) : periods;
        Gathering.Gathered data = Gathering.gather(options, read, settings.method().localityLevel(), rejects, progress,
                Gathering.Setup766.of(settings, readOn));
        List<QualityGate.Breach> breaches = QualityGate.breaches(data.stats(), options);
        List<String> notReady = own == null ? Readiness.problemsForAnyPeriod(data.stats(), data.tally().rowsInPeriod())
                : Readiness.problems(data.stats(), data.tally().rowsInPeriod(), own, force);
        List<Recipient> unknown = new ArrayList<>();
        for (Recipient r : settings.recipients()) {
            if (r.receives(RunRequest.UNIT) && unitRecipients.test(r) && !data.tree().contains(r.unit())) {
                unknown.add(r);
            }
        }
        return new Result(data, breaches, notReady, List.copyOf(unknown), Readiness.completeUntil(data.stats()));
    }

    /** Every row of the exports, whatever its date: what {@code data check} without a period counts. */
    public static Period everything() {
        return new Period(Period.Kind.RANGE, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), "all");
    }

    /** The warning about a recipient whose unit is not in the data: where the line is, and what becomes of it. */
    public static String unknownUnit(Recipient r, Settings settings) {
        return (r.origin() == null ? "recipient " + r.email() : r.origin()) + ": unit '" + r.unit() + "' is not in "
                + settings.sourceOptions().format(SourceFile.UNITS).fileName() + ", so " + r.email() + " gets no unit bulletin; correct the code or add"
                + " the unit to the export";
    }
}
