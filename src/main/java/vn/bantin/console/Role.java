package vn.bantin.console;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a console user may do; each role may do all that the ones before it may. viewer: overview, runs, PDFs;
 * operator: + run now, resend, pause/resume; editor: + templates, recipients; admin: + users, audit trail.
 */
public enum Role {
    VIEWER, OPERATOR, EDITOR, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayDo(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    public static Optional<Role> parse(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static final String CHOICES = "viewer, operator, editor or admin";
}
