package vn.bantin.store;

import java.util.Locale;

/** Where a run stands. A run left {@code RUNNING} by a process that died stays so: its record shows no end. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
