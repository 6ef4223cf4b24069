package vn.bantin.console;

/** A file of the templates folder as the Templates page shows it. */
public record FileLine(String path, String kind, long size, Integer version, String changedBy, String changedAt,
                       boolean changedOutside, boolean wording) {
}
