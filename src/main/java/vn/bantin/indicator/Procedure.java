package vn.bantin.indicator;

/** A catalogue entry; {@code online} is level 3/4 (partial or full). */
public record Procedure(String code, String unit, boolean online) {}
