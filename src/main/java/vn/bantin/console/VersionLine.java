package vn.bantin.console;

/** A recorded version of a template file as its history shows it. */
public record VersionLine(int version, String changedBy, String changedAt, String action, long size, boolean current) {
}
