package vn.bantin.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The 2025 reorganisation (unit-changes.csv): unit {@code from} became part of {@code to} on {@code effective}. A
 * merged unit's comparisons with periods before the merger count the records of the units it was made from.
 * An old code goes into one new unit only.
 */
public record UnitChanges(List<Change> changes) {

    public record Change(String from, String to, LocalDate effective) {}

    public UnitChanges {
        changes = List.copyOf(changes);
    }

    public static UnitChanges none() {
        return new UnitChanges(List.of());
    }

    /**
     * The code a record of {@code code} counts under for a bulletin of a period ending {@code asOf}: its successor,
     * following changes effective by then (A → B → C), or itself.
     */
    public String successor(String code, LocalDate asOf) {
        String current = code;
        for (int guard = 0; guard <= changes.size(); guard++) {
            String next = null;
            for (Change c : changes) {
                if (c.from().equals(current) && !c.effective().isAfter(asOf)) {
                    next = c.to();
                    break;
                }
            }
            if (next == null || next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }

    public UnaryOperator<String> creditAsOf(LocalDate asOf) {
        if (changes.isEmpty()) {
            return UnaryOperator.identity();
        }
        Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();
        return code -> code == null ? null : cache.computeIfAbsent(code, c -> successor(c, asOf));
    }

    /**
     * The units whose records a unit's comparisons take, for a bulletin of a period ending {@code asOf}: every code
     * that leads to it, in file order, itself excluded ("số liệu năm trước gộp từ: …"). Empty when none.
     */
    public List<String> predecessors(String code, LocalDate asOf) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Change c : changes) {
            if (!c.from().equals(code) && successor(c.from(), asOf).equals(code)) {
                out.put(c.from(), true);
            }
        }
        return new ArrayList<>(out.keySet());
    }
}
