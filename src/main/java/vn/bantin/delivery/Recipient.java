package vn.bantin.delivery;

import java.util.Set;

/**
 * One line of the recipients list. {@code unit} is the unit code whose bulletin the person receives
 * (empty for leaders who receive the province bulletin); {@code bulletins} holds {@code province} and/or {@code unit}.
 */
public record Recipient(String unit, String name, String email, Set<String> bulletins) {

    public boolean receives(String bulletin) {
        return bulletins.contains(bulletin);
    }
}
