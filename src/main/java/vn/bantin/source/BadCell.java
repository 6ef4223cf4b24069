package vn.bantin.source;

/** A cell that breaks a rule of the contract; the row becomes a reject. Carries no stack trace: it is expected. */
final class BadCell extends Exception {
    final String column;
    final String value;
    /** A code that names nothing in the reference file (units, procedures): listed by code in the report. */
    final boolean unknownReference;

    BadCell(String column, String value, String reason) {
        this(column, value, reason, false);
    }

    private BadCell(String column, String value, String reason, boolean unknownReference) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value;
        this.unknownReference = unknownReference;
    }

    static BadCell unknown(String column, String value, String reason) {
        return new BadCell(column, value, reason, true);
    }
}
