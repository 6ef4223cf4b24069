package vn.bantin.indicator;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A one-stop dossier. Due and finished dates are null when absent; {@code procedure} is null when empty. The
 * Decision 766 cells default as spec indicators-766 §2 says when their columns are absent: status from the
 * finished date, counts 0, flags false.
 */
public record Dossier(String unit, Channel channel, LocalDate received, LocalDate due, LocalDate finished,
                      String procedure, Status status, int supplements, int pausedDays, Set<Flag> flags) {

    public enum Channel { ONLINE, DIRECT, POSTAL }

    /** {@code REJECTED} was never received and counts in no 766 figure. */
    public enum Status {
        PROCESSING, FINISHED, RETURNED, CANCELLED, REJECTED;

        /** Finished, returned or cancelled: it ended on its finished date. */
        public boolean ended() {
            return this == FINISHED || this == RETURNED || this == CANCELLED;
        }

        public static Status derived(LocalDate finished) {
            return finished == null ? PROCESSING : FINISHED;
        }
    }

    /** The boolean cells of the 766 columns ({@code fee_due} read as "a fee above zero is payable"). */
    public enum Flag {
        RESULT_REQUIRED, E_RESULT, DIGITISED, REUSED, PERSONAL_STORE, VNEID, SYNCED_NATIONAL, FEE_DUE, PAID_ONLINE,
        FULLY_ONLINE
    }

    public Dossier {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** A dossier of an export without the 766 columns. */
    public Dossier(String unit, Channel channel, LocalDate received, LocalDate due, LocalDate finished) {
        this(unit, channel, received, due, finished, null, Status.derived(finished), 0, 0, Set.of());
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
