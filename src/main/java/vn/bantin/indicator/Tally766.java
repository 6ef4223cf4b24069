package vn.bantin.indicator;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import vn.bantin.indicator.Dossier.Flag;

/**
 * The Decision 766 counts of one period, per credited unit and province-wide, built row by row (spec indicators-766
 * §4–§5). Memory grows with units and procedures, never with rows. Procedures must be added before dossiers, as
 * the exports are read.
 */
public final class Tally766 {
    private final Period period;
    private final LocalDate end;
    private final WorkingDays days;
    private final UnaryOperator<String> credit;
    private final Map<String, Counts> units = new HashMap<>();
    private final Counts province = new Counts();
    private final Map<String, ProcedureState> procedures = new LinkedHashMap<>();
    private long dossiersWithoutDue;
    private long feedbackProcessedWithoutDate;

    /**
     * @param readOn the day the data was read: a period not ended then is evaluated up to it (provisional); null
     *               when it does not matter
     * @param credit the code a record's unit is counted under (a predecessor's code → its successor's), identity
     *               when no unit changed
     */
    public Tally766(Period period, WorkingDays days, LocalDate readOn, UnaryOperator<String> credit) {
        this.period = period;
        this.end = readOn != null && readOn.isBefore(period.end()) ? readOn : period.end();
        this.days = days;
        this.credit = credit;
    }

    public Tally766(Period period, WorkingDays days) {
        this(period, days, null, UnaryOperator.identity());
    }

    public Period period() {
        return period;
    }

    /** P1, or the day the data was read when that is earlier. */
    public LocalDate evaluatedTo() {
        return end;
    }

    public boolean provisional() {
        return end.isBefore(period.end());
    }

    public WorkingDays workingDays() {
        return days;
    }

    public void add(Procedure p) {
        procedures.putIfAbsent(p.code(), new ProcedureState(p, credit.apply(p.unit())));
    }

    public void add(Dossier d) {
        if (d.status() == Dossier.Status.REJECTED) {
            return; // never received: counted nowhere
        }
        String unit = credit.apply(d.unit());
        Counts u = units.computeIfAbsent(unit, k -> new Counts());
        ProcedureState p = d.procedure() == null ? null : procedures.get(d.procedure());
        if (period.contains(d.received())) {
            boolean online = d.channel() == Dossier.Channel.ONLINE;
            count(u, Item766.SYNCED_DOSSIERS, d.has(Flag.SYNCED_NATIONAL));
            count(u, Item766.ONLINE_DOSSIERS, online && (!d.has(Flag.RESULT_REQUIRED) || d.has(Flag.E_RESULT)));
            if (p != null && p.procedure.has(Procedure.Flag.FULL_ONLINE_ELIGIBLE)) {
                count(u, Item766.FULLY_ONLINE_DOSSIERS, d.has(Flag.FULLY_ONLINE) && online);
            }
            if (d.has(Flag.FEE_DUE)) {
                count(u, Item766.PAID_ONLINE_DOSSIERS, d.has(Flag.PAID_ONLINE));
            }
            count(u, Item766.REUSED, d.has(Flag.REUSED));
            count(u, Item766.PERSONAL_STORE, d.has(Flag.PERSONAL_STORE));
            count(u, Item766.VNEID_DOSSIERS, d.has(Flag.VNEID));
            if (p != null) {
                p.onlineDossier |= online;
                p.feeDossier |= d.has(Flag.FEE_DUE);
                p.paidDossier |= d.has(Flag.FEE_DUE) && d.has(Flag.PAID_ONLINE);
                p.vneidDossier |= d.has(Flag.VNEID);
            }
            if (d.status() == Dossier.Status.FINISHED && d.finished() != null && !d.finished().isAfter(end)) {
                long wd = days.between(d.received(), d.finished());
                u.add(Item766.MEAN_DAYS, wd, 1);
                province.add(Item766.MEAN_DAYS, wd, 1);
            }
        }
        boolean finished = d.status() == Dossier.Status.FINISHED;
        if (finished && period.contains(d.finished())) {
            if (d.has(Flag.RESULT_REQUIRED)) {
                count(u, Item766.E_RESULTS, d.has(Flag.E_RESULT));
            }
            count(u, Item766.DIGITISED, d.has(Flag.DIGITISED) && (!d.has(Flag.RESULT_REQUIRED) || d.has(Flag.E_RESULT)));
        }
        if (handled(d)) {
            if (d.due() == null) {
                dossiersWithoutDue++;
            } else {
                count(u, Item766.ON_TIME, onTime(d));
            }
        }
    }

    /** Handled in the period (§4): received by its end, and not ended before it starts. The due date is checked apart. */
    private boolean handled(Dossier d) {
        if (d.received().isAfter(end)) {
            return false;
        }
        return !(d.status().ended() && d.finished() != null && d.finished().isBefore(period.start()));
    }

    /** At most one supplement request, and the evaluation date less the pause on or before the due date. */
    private boolean onTime(Dossier d) {
        if (d.supplements() > 1) {
            return false;
        }
        LocalDate evaluated = d.status().ended() && d.finished() != null && !d.finished().isAfter(end) ? d.finished() : end;
        return !evaluated.minusDays(d.pausedDays()).isAfter(d.due());
    }

    public void add(Feedback f) {
        if (f.status() == Feedback.Status.PROCESSED && f.processed() == null) {
            if (!f.received().isAfter(end)) {
                feedbackProcessedWithoutDate++;
            }
            return; // cannot be timed
        }
        Counts u = f.handler() == null ? null : units.computeIfAbsent(credit.apply(f.handler()), k -> new Counts());
        boolean processed = f.status() == Feedback.Status.PROCESSED;
        LocalDate evaluated = processed && !f.processed().isAfter(end) ? f.processed() : end;
        LocalDate due = f.due() != null ? f.due() : null;
        boolean handled = !f.received().isAfter(end) && !(processed && f.processed().isBefore(period.start()));
        boolean received = period.contains(f.received()) && f.status() != Feedback.Status.NEW;
        if (!handled && !received) {
            return;
        }
        if (due == null) {
            due = days.add(f.received(), 15);
        }
        boolean onTime = !evaluated.isAfter(due);
        if (handled) {
            count(u, Item766.PAKN_ON_TIME, onTime);
        }
        if (received) {
            count(u, Item766.PAKN_SATISFACTION, onTime && f.dislikes() <= f.likes() && !f.reraised());
        }
    }

    private void count(Counts unit, Item766 item, boolean yes) {
        if (unit != null) {
            unit.add(item, yes ? 1 : 0, 1);
        }
        province.add(item, yes ? 1 : 0, 1);
    }

    /** A unit's counts for the dossier and feedback items credited to it (catalogue items are counted by the engine). */
    Counts unit(String code) {
        return units.getOrDefault(code, Counts.NONE);
    }

    Counts province() {
        return province;
    }

    Iterable<ProcedureState> procedures() {
        return procedures.values();
    }

    public long dossiersWithoutDue() {
        return dossiersWithoutDue;
    }

    public long feedbackProcessedWithoutDate() {
        return feedbackProcessedWithoutDate;
    }

    /** Numerator and denominator per item (for 2.2: Σ working days and count). */
    static final class Counts {
        static final Counts NONE = new Counts();
        private final long[] n = new long[Item766.values().length];
        private final long[] d = new long[Item766.values().length];

        void add(Item766 item, long numerator, long denominator) {
            n[item.ordinal()] += numerator;
            d[item.ordinal()] += denominator;
        }

        long numerator(Item766 item) {
            return n[item.ordinal()];
        }

        long denominator(Item766 item) {
            return d[item.ordinal()];
        }
    }

    /** A catalogue row and what the period's received dossiers did with it. */
    static final class ProcedureState {
        final Procedure procedure;
        final String unit;
        boolean onlineDossier, feeDossier, paidDossier, vneidDossier;

        ProcedureState(Procedure procedure, String unit) {
            this.procedure = procedure;
            this.unit = unit;
        }

        /** Adds this procedure to the catalogue items' counts of {@code c}. */
        void countInto(Counts c) {
            Procedure p = procedure;
            c.add(Item766.ONLINE_SERVICES, p.online() ? 1 : 0, 1);
            if (p.has(Procedure.Flag.FULL_ONLINE_ELIGIBLE)) {
                c.add(Item766.FULL_SERVICES, p.full() ? 1 : 0, 1);
            }
            if (p.online()) {
                c.add(Item766.SERVICES_WITH_DOSSIERS, onlineDossier ? 1 : 0, 1);
            }
            if (p.has(Procedure.Flag.FEE_REQUIRED)) {
                c.add(Item766.PAYMENT_INTEGRATED, feeDossier ? 1 : 0, 1);
            }
            if (feeDossier) {
                c.add(Item766.PAYMENT_TRANSACTIONS, paidDossier ? 1 : 0, 1);
            }
            if (p.has(Procedure.Flag.CITIZEN_FACING)) {
                c.add(Item766.POPULATION_DB_PROCEDURES, vneidDossier ? 1 : 0, 1);
            }
        }
    }

    static Set<Item766> catalogueItems() {
        return EnumSet.of(Item766.ONLINE_SERVICES, Item766.FULL_SERVICES, Item766.SERVICES_WITH_DOSSIERS,
                Item766.PAYMENT_INTEGRATED, Item766.PAYMENT_TRANSACTIONS, Item766.POPULATION_DB_PROCEDURES);
    }
}
