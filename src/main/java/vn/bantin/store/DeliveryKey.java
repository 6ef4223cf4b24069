package vn.bantin.store;

import java.util.Locale;

/**
 * What the ledger keeps one row for: one bulletin of one period, for one unit, to one address. {@code unit} is the
 * exact unit code whose bulletin it is, or empty for a bulletin that is the same for everyone (the province's): a
 * clerk who receives three units' bulletins gets three messages. The address is compared without case and
 * surrounding spaces, as mail servers do in practice, so that a list that spells an address twice in different
 * case does not send two copies.
 */
public record DeliveryKey(String bulletin, String periodKey, String unit, String email) {

    public DeliveryKey {
        unit = unit == null ? "" : unit;
        email = email.strip().toLowerCase(Locale.ROOT);
    }

    /** A bulletin that is the same for everyone: no unit. */
    public DeliveryKey(String bulletin, String periodKey, String email) {
        this(bulletin, periodKey, "", email);
    }

    @Override
    public String toString() {
        return bulletin + " " + periodKey + (unit.isEmpty() ? "" : " of " + unit) + " to " + email;
    }
}
