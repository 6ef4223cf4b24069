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
 * @param again render and deliver in full even when an earlier run of the period already delivered everything
 *              from the same data, templates and recipients ({@code run --again}, a resend); otherwise such a
 *              repeat renders nothing ({@link NothingNew})
 */
public record RunRequest(Period period, Set<String> bulletins, Set<String> emails, boolean force, String cause,
                         String requestId, boolean again) {

    public RunRequest(Period period, Set<String> bulletins, Set<String> emails, boolean force, String cause,
                      String requestId) {
        this(period, bulletins, emails, force, cause, requestId, false);
    }

    public RunRequest(Period period, Set<String> bulletins, Set<String> emails, boolean force, String cause) {
        this(period, bulletins, emails, force, cause, null);
    }

    public static final String PROVINCE = "province";
    public static final String UNIT = "unit";

    /** The same request for only these of its bulletins. */
    public RunRequest onlyBulletins(Set<String> these) {
        return new RunRequest(period, these, emails, force, cause, requestId, again);
    }

    /** The same request, rendered and delivered in full even when nothing is new. */
    public RunRequest inFull() {
        return new RunRequest(period, bulletins, emails, force, cause, requestId, true);
    }

    public boolean wants(String bulletin) {
        return bulletins.contains(bulletin);
    }

    public boolean delivers(Recipient r, String bulletin) {
        return r.receives(bulletin) && (emails.isEmpty() || emails.contains(r.email().toLowerCase(java.util.Locale.ROOT)));
    }
}
