package vn.bantin.source;

/** A cell that breaks a rule of the contract; the row becomes a reject. Carries no stack trace: it is expected. */
final class BadCell extends Exception {
    final String column;
    final String value;

    BadCell(String column, String value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value;
    }
}
