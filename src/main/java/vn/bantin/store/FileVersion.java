package vn.bantin.store;

import java.time.Instant;

/**
 * One recorded version of an editable file: {@code area} {@code templates} (path relative to the templates folder)
 * or {@code config} ({@code recipients.csv}); {@code version} counts from 1 per file; {@code action} says what made it
 * ({@code found}, {@code published}, {@code rolled back to version 3}, {@code saved}, {@code imported}).
 */
public record FileVersion(long id, String area, String path, int version, String sha256, long size, String changedBy,
                          Instant changedAt, String action) {
}
