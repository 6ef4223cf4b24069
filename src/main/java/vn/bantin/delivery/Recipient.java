package vn.bantin.delivery;

import java.util.Set;

/**
 * One line of the recipients list. {@code unit} is the unit code whose bulletin the person receives
 * (empty for leaders who receive the province bulletin); {@code bulletins} holds {@code province} and/or {@code unit};
 * {@code origin} says where the line is ({@code config/recipients.csv line 12}), for messages about it (null when
 * the recipient was not read from a file).
 */
public record Recipient(String unit, String name, String email, Set<String> bulletins, String origin) {

    public Recipient(String unit, String name, String email, Set<String> bulletins) {
        this(unit, name, email, bulletins, null);
    }

    public boolean receives(String bulletin) {
        return bulletins.contains(bulletin);
    }
}
