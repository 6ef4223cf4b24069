package vn.bantin.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.bantin.indicator.Period;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryRow;
import vn.bantin.store.DeliveryStatus;

/**
 * Sending again on purpose: {@code run --resend-failed} and the console's "resend every failed one" pick the same
 * rows and queue them the same way; a run limited to the returned addresses then sends them.
 */
public final class Resends {
    private Resends() {
    }

    /** Every message of the period's {@code bulletins} that the server refused or that failed, by bulletin. */
    public static List<DeliveryRow> failed(DeliveryLedger ledger, Collection<String> bulletins, Period period) {
        List<DeliveryRow> out = new ArrayList<>();
        for (String b : bulletins) {
            for (DeliveryRow d : ledger.list(b, period.key())) {
                if (d.status() == DeliveryStatus.FAILED || d.status() == DeliveryStatus.REJECTED) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** Makes each row pending again (a new Message-ID generation); returns their addresses, lower case. */
    public static Set<String> queue(DeliveryLedger ledger, List<DeliveryRow> rows) {
        Set<String> emails = new LinkedHashSet<>();
        for (DeliveryRow d : rows) {
            ledger.resend(d.key());
            emails.add(d.key().email().toLowerCase(Locale.ROOT));
        }
        return emails;
    }
}
