package vn.bantin.indicator;

import java.util.Set;

/**
 * A catalogue entry; {@code online} is level 3/4 (partial or full), {@code full} level 4 (toàn trình). The flags are
 * the catalogue's 766 columns, false when absent. {@code level}: the catalogue's own level word, folded
 * ({@code 3}, {@code partial}, {@code mot phan}, …), which tells the wording of the bulletin (Decree 42/2022 or not).
 */
public record Procedure(String code, String unit, boolean online, boolean full, Set<Flag> flags, String level) {

    public enum Flag { FEE_REQUIRED, FULL_ONLINE_ELIGIBLE, CITIZEN_FACING }

    /** The level words of Decree 42/2022/NĐ-CP (none, partial, full), in English or Vietnamese, folded. */
    private static final Set<String> DECREE_42 = Set.of("none", "partial", "full", "khong", "mot phan", "toan trinh");

    public Procedure {
        flags = Set.copyOf(flags);
    }

    /** A procedure whose level is given by its flags, in the words of Decree 42. */
    public Procedure(String code, String unit, boolean online, boolean full, Set<Flag> flags) {
        this(code, unit, online, full, flags, full ? "full" : online ? "partial" : "none");
    }

    /** A procedure of a catalogue without the 766 columns, its level a number of before Decree 42. */
    public Procedure(String code, String unit, boolean online) {
        this(code, unit, online, false, Set.of(), online ? "3" : "1");
    }

    /** The catalogue names this procedure's level as Decree 42 does (none, partial, full), not as 1–4. */
    public boolean decree42() {
        return DECREE_42.contains(level);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
