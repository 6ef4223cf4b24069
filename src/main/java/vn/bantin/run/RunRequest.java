package vn.bantin.run;

import java.util.Set;

import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Period;

/**
 * What to run: the period, the bulletins ({@code province}, {@code unit}), and whom to deliver to ({@code emails}
 * empty: every recipient of those bulletins; otherwise only these, as a scheduler batch or a resend does).
 *
 * @param force make the bulletin even when the exports do not reach the period's end
 * @param cause who asked, for the run record: {@code cli}, a trigger's name, {@code resend}
 * @param requestId the request this run carries out with others (the service's batches of one trigger share it);
 *                  null: a request of its own
 */
public record RunRequest(Period period, Set<String> bulletins, Set<String> emails, boolean force, String cause,
                         String requestId) {

    public RunRequest(Period period, Set<String> bulletins, Set<String> emails, boolean force, String cause) {
        this(period, bulletins, emails, force, cause, null);
    }

    public static final String PROVINCE = "province";
    public static final String UNIT = "unit";

    /** The same request for only these of its bulletins. */
    public RunRequest onlyBulletins(Set<String> these) {
        return new RunRequest(period, these, emails, force, cause, requestId);
    }

    public boolean wants(String bulletin) {
        return bulletins.contains(bulletin);
    }

    public boolean delivers(Recipient r, String bulletin) {
        return r.receives(bulletin) && (emails.isEmpty() || emails.contains(r.email().toLowerCase(java.util.Locale.ROOT)));
    }
}
