package vn.bantin.console;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import vn.bantin.store.AuditTrail;
import vn.bantin.store.ConsoleUsers;
import vn.bantin.store.UserRow;

/**
 * Adding and changing console users: one code path for {@code users add|list|token} on the terminal and the admin's
 * page. Every change is written to the audit trail; no password or token is ever written there or logged.
 */
public final class UserAdmin {
    private final ConsoleUsers users;
    private final AuditTrail audit;

    public UserAdmin(DataSource db, Clock clock) {
        this.users = new ConsoleUsers(db, clock);
        this.audit = new AuditTrail(db, clock);
    }

    /** A refusal worded for the person who asked. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Said said;

        public Refused(Said said) {
            super(said.english());
            this.said = said;
        }

        public Said said() {
            return said;
        }
    }

    public UserRow add(String by, String name, String role, char[] password) {
        Said weak = Passwords.weakness(password);
        if (weak != null) {
            throw new Refused(weak);
        }
        return addHashed(by, name, role, Passwords.hash(password));
    }

    /**
     * As {@link #add}, with the password already hashed by {@link Passwords#hash} (and checked for weakness) where it
     * was typed: how {@code users add} hands a new user to a running serve without the password leaving its process.
     */
    public UserRow addHashed(String by, String name, String role, String passwordHash) {
        if (!Passwords.isHash(passwordHash)) {
            throw new Refused(Said.of("refused.notAHash", "the password did not arrive as an Argon2id hash; add the user with users add"));
        }
        String n = name == null ? "" : name.strip();
        if (!n.matches("[\\p{L}\\p{N}._@-]{1,100}")) {
            throw new Refused(Said.of("refused.userName", "a user name is 1 to 100 letters, digits or . _ @ - (no spaces); '" + n
                    + "' is not one", n));
        }
        Role r = Role.parse(role).orElseThrow(() -> new Refused(Said.of("refused.role", "role '" + role + "' is not known; use "
                + Role.CHOICES, role, Role.CHOICES)));
        if (users.find(n).isPresent()) {
            throw new Refused(Said.of("refused.userExists", "a user named '" + n + "' exists already", n));
        }
        UserRow u = users.add(n, r.id(), passwordHash);
        audit(by, "user.add", n + " as " + r.id(), n, Said.word("role.", r.id()));
        return u;
    }

    public List<UserRow> list() {
        return users.list();
    }

    public void setRole(String by, long id, String role) {
        UserRow u = users.find(id).orElseThrow(() -> new Refused(Said.of("refused.noUser", "no user #" + id, id)));
        Role r = Role.parse(role).orElseThrow(() -> new Refused(Said.of("refused.role", "role '" + role + "' is not known; use "
                + Role.CHOICES, role, Role.CHOICES)));
        if (u.role().equals("admin") && r != Role.ADMIN && !u.disabled() && users.activeAdmins() <= 1) {
            throw new Refused(Said.of("refused.lastAdmin", "'" + u.name() + "' is the last admin; make another user admin first",
                    u.name()));
        }
        users.setRole(id, r.id());
        audit(by, "user.role", u.name() + ": " + u.role() + " -> " + r.id(), u.name(), Said.word("role.", u.role()),
                Said.word("role.", r.id()));
    }

    public void setDisabled(String by, long id, boolean disabled) {
        UserRow u = users.find(id).orElseThrow(() -> new Refused(Said.of("refused.noUser", "no user #" + id, id)));
        if (disabled && u.role().equals("admin") && !u.disabled() && users.activeAdmins() <= 1) {
            throw new Refused(Said.of("refused.lastAdmin", "'" + u.name() + "' is the last admin; make another user admin first",
                    u.name()));
        }
        users.setDisabled(id, disabled);
        audit(by, disabled ? "user.disable" : "user.enable", u.name(), u.name());
    }

    public void setPassword(String by, long id, char[] password) {
        UserRow u = users.find(id).orElseThrow(() -> new Refused(Said.of("refused.noUser", "no user #" + id, id)));
        Said weak = Passwords.weakness(password);
        if (weak != null) {
            throw new Refused(weak);
        }
        users.setPasswordHash(id, Passwords.hash(password));
        audit(by, "user.password", u.name(), u.name());
    }

    /** Makes a new API token for {@code name} and returns it: shown once, kept only as its SHA-256. */
    public String newToken(String by, String name) {
        UserRow u = users.find(name).orElseThrow(() -> new Refused(Said.of("refused.noUserNamed", "no user named '" + name
                + "'; add it with users add", name)));
        if (u.disabled()) {
            throw new Refused(Said.of("refused.disabled", "'" + name + "' is disabled", name));
        }
        String token = "bt_" + Secrets.token();
        users.addToken(u.id(), Secrets.sha256(token), token.substring(0, 8));
        audit(by, "user.token", u.name(), u.name());
        return token;
    }

    /** Records in the audit trail with the details' words: label {@code audit.details.<action>} and its values. */
    private void audit(String by, String action, String english, String... args) {
        audit.record(by, action, english, "audit.details." + action, List.of(args));
    }

    static String roleWord(String role) {
        return role.toLowerCase(Locale.ROOT);
    }
}
