package vn.bantin.store;

import java.time.Instant;
import java.util.List;

/**
 * One line of the audit trail: who did what, when, with what details (in English); {@code detailsKey} and
 * {@code detailsArgs}: the same details as a label key of the console and its values (null and empty for a row
 * written before they were kept, or by a program that keeps only the sentence).
 */
public record AuditRow(long id, Instant at, String actor, String action, String details, String detailsKey,
                       List<String> detailsArgs) {
    /** Between the values in the column details_args (U+001F, the unit separator: in no name, path or address). */
    static final String ARG_SEPARATOR = "\u001F";

    static List<String> args(String column) {
        return column == null ? List.of() : List.of(column.split(ARG_SEPARATOR, -1));
    }
}
