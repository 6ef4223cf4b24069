package vn.bantin.store;

import java.time.Instant;

/** A console user as stored; {@code role} is viewer, operator, editor or admin; the hash never leaves the console package's checks. */
public record UserRow(long id, String name, String role, String passwordHash, Instant createdAt, Instant updatedAt,
                      boolean disabled) {

    @Override
    public String toString() {
        return "UserRow[" + id + ", " + name + ", " + role + (disabled ? ", disabled" : "") + "]";
    }
}
