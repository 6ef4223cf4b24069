package vn.bantin.store;

import java.util.Locale;

/**
 * What the ledger keeps one row for: one bulletin of one period to one address. The address is compared
 * without case and surrounding spaces, as mail servers do in practice, so that a list that spells an address
 * twice in different case does not send two copies.
 */
public record DeliveryKey(String bulletin, String periodKey, String email) {

    public DeliveryKey {
        email = email.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return bulletin + " " + periodKey + " to " + email;
    }
}
