package vn.bantin.report;

/**
 * Text from the exports written into a spreadsheet-readable file: a cell starting with = + - @ (or a tab or
 * carriage return) would run as a formula in Excel, so it gets a leading apostrophe, as OWASP advises.
 */
public final class SafeText {
    private SafeText() {
    }

    public static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
