package vn.bantin.schedule;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.bantin.delivery.Recipient;

/**
 * Who receives a bulletin, as the keys the launcher understands (email addresses for the recipients list of
 * {@code config/recipients.csv}, as {@code RunRequest.emails} takes them), in a stable order so that batches come
 * out the same on a re-run.
 */
@FunctionalInterface
public interface RecipientSource {

    List<String> recipients(String bulletin);

    /** The addresses (lower case) of the recipients list that receive the bulletin, each once, in file order. */
    static RecipientSource of(List<Recipient> recipients) {
        List<Recipient> copy = List.copyOf(recipients);
        return bulletin -> {
            Set<String> emails = new LinkedHashSet<>();
            for (Recipient r : copy) {
                if (r.receives(bulletin)) {
                    emails.add(r.email().strip().toLowerCase(Locale.ROOT));
                }
            }
            return List.copyOf(emails);
        };
    }
}
