package vn.bantin.indicator;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The organisation tree, by code, in file order. */
public final class UnitTree {
    private final Map<String, Unit> byCode;

    public UnitTree(Collection<Unit> units) {
        Map<String, Unit> map = new LinkedHashMap<>();
        for (Unit u : units) {
            map.putIfAbsent(u.code(), u);
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    public Optional<Unit> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Collection<Unit> units() {
        return byCode.values();
    }

    public Optional<Unit> parentOf(Unit unit) {
        return unit.parent() == null ? Optional.empty() : find(unit.parent());
    }

    /**
     * The unit a feedback item's locality is counted under: its ancestor (or itself) at {@code level};
     * where the tree has no such level above it (the two-level shape) the unit itself.
     */
    public Unit rollUp(Unit unit, Level level) {
        Unit current = unit;
        int guard = byCode.size();
        while (current != null && guard-- > 0) {
            if (current.level() == level) {
                return current;
            }
            current = parentOf(current).orElse(null);
        }
        return unit;
    }
}
