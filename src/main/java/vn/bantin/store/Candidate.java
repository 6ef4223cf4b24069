package vn.bantin.store;

import java.time.Instant;
import java.util.List;

/**
 * A new version of an editable file, staged and checked but not yet written: {@code baseSha256} is the file it
 * replaces (null for a new file), {@code problems} the check's {@code file:line: what} lines (empty: it may be
 * published), {@code state} {@code staged}, {@code published} or {@code discarded}.
 */
public record Candidate(long id, String area, String path, String sha256, long size, String baseSha256,
                        List<String> problems, String state, String stagedBy, Instant stagedAt, String closedBy,
                        Instant closedAt) {
    public static final String STAGED = "staged";
    public static final String PUBLISHED = "published";
    public static final String DISCARDED = "discarded";

    public boolean open() {
        return STAGED.equals(state);
    }
}
