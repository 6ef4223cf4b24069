package vn.bantin.console;

import vn.bantin.store.AuditRow;

/**
 * An audit row's details in the reader's language: from the label key and values its action recorded with them
 * (labels {@code audit.details.<action>}). A row written before the trail kept them, or by a program that keeps only
 * the sentence, is shown as it is kept, never hidden.
 */
public final class AuditDetails {
    private AuditDetails() {
    }

    public static String of(View v, AuditRow row) {
        return row.detailsKey() == null ? row.details() : new Said(row.detailsKey(), row.detailsArgs(), row.details()).in(v);
    }
}
