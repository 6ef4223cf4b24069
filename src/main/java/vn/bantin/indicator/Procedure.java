package vn.bantin.indicator;

import java.util.Set;

/**
 * A catalogue entry; {@code online} is level 3/4 (partial or full), {@code full} level 4 (toàn trình). The flags are
 * the catalogue's 766 columns, false when absent.
 */
public record Procedure(String code, String unit, boolean online, boolean full, Set<Flag> flags) {

    public enum Flag { FEE_REQUIRED, FULL_ONLINE_ELIGIBLE, CITIZEN_FACING }

    public Procedure {
        flags = Set.copyOf(flags);
    }

    /** A procedure of a catalogue without the 766 columns. */
    public Procedure(String code, String unit, boolean online) {
        this(code, unit, online, false, Set.of());
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
