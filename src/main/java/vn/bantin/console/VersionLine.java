package vn.bantin.console;

/**
 * A recorded version of a template file as its history shows it; {@code changedBy} null: the file as it was in the
 * folder before its first change.
 */
public record VersionLine(int version, String changedBy, String changedAt, String action, long size, boolean current) {
}
