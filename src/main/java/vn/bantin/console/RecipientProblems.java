package vn.bantin.console;

import vn.bantin.delivery.RecipientTable.Problem;

/** A recipients problem in the reader's language: "hàng 3, Đơn vị: …", from its code and arguments. */
final class RecipientProblems {
    private RecipientProblems() {
    }

    static String sentence(View v, Problem p) {
        int n = p.line() > 0 ? p.line() : p.row();
        return (n == 0 ? "" : place(v, p, n) + ", ") + v.word("recipients.", p.field()) + ": " + what(v, p);
    }

    /** What is wrong, without where: shown next to the row itself. */
    static String what(View v, Problem p) {
        if (p.code().equals("duplicate")) {
            String bulletin = p.args().get(1).equals("unit") ? v.t("recipients.problem.unitBulletin", p.args().get(2))
                    : v.t("recipients.problem.provinceBulletin");
            return v.t("recipients.problem.duplicate", p.args().get(0), bulletin,
                    place(v, p, Integer.parseInt(p.args().get(3))));
        }
        return v.t("recipients.problem." + p.code(), p.args().toArray());
    }

    /** Row {@code n} of the table, or line {@code n} of the file the problem is in. */
    private static String place(View v, Problem p, int n) {
        return p.line() > 0 ? v.t("recipients.where.line", String.valueOf(n)) : v.t("recipients.where.row", String.valueOf(n));
    }
}
