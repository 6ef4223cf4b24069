package vn.bantin.store;

import java.util.Locale;

/**
 * Where a run stands. {@code SUCCEEDED} only when every message it was to send was delivered (now or before);
 * {@code INCOMPLETE} when it made its bulletins but some message was not delivered; {@code FAILED} when it stopped
 * (bad input, a broken template, an error); {@code INTERRUPTED} when stopped on purpose (SIGTERM) after the message in
 * flight; {@code ABANDONED} when the process that ran it died, as found by a later process ({@link RunStore#markAbandoned}).
 */
public enum RunStatus {
    RUNNING, SUCCEEDED, INCOMPLETE, FAILED, INTERRUPTED, ABANDONED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** How bad, to sum up the runs of one request by its worst: a running batch first, then a failure, and so on. */
    int severity() {
        return switch (this) {
            case SUCCEEDED -> 0;
            case INCOMPLETE -> 1;
            case INTERRUPTED -> 2;
            case ABANDONED -> 3;
            case FAILED -> 4;
            case RUNNING -> 5;
        };
    }
}
