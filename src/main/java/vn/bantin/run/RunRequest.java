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
 */
public record RunRequest(Period period, Set<String> bulletins, Set<String> emails, boolean force, String cause) {

    public static final String PROVINCE = "province";
    public static final String UNIT = "unit";

    /** The same request for only these of its bulletins. */
    public RunRequest onlyBulletins(Set<String> these) {
        return new RunRequest(period, these, emails, force, cause);
    }

    public boolean wants(String bulletin) {
        return bulletins.contains(bulletin);
    }

    public boolean delivers(Recipient r, String bulletin) {
        return r.receives(bulletin) && (emails.isEmpty() || emails.contains(r.email().toLowerCase(java.util.Locale.ROOT)));
    }
}
