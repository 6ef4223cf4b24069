package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code store migrate}: brings a store's schema to this build's, by the very opening that serve and run do at
 * start (so the application user gets its rights on new tables too), and says what it changed.
 */
public final class StoreMigration {
    private StoreMigration() {
    }

    /**
     * What a migration did.
     *
     * @param before the status before, empty when there was no store yet
     * @param after  the status after
     */
    public record Migrated(String where, Optional<SchemaStatus> before, SchemaStatus after, List<SchemaStatus.Migration> applied) {
    }

    /**
     * Migrates the store at {@code address}, making it when it is an H2 file not made yet.
     *
     * @throws StoreException when it cannot be reached or migrated, or was migrated by a newer bantin (nothing is
     *                        applied then)
     */
    public static Migrated migrate(StoreAddress address) {
        Optional<OwnerAccess> existing = OwnerAccess.existing(address);
        Optional<SchemaStatus> before = existing.map(StoreMigration::status);
        if (before.isPresent() && !before.get().unknown().isEmpty()) {
            throw new StoreException(before.get().problems(address.where()).get(0));
        }
        Database.open(address).close();
        SchemaStatus after = status(OwnerAccess.of(address));
        List<SchemaStatus.Migration> applied = appliedSince(before, after);
        return new Migrated(address.where(), before, after, applied);
    }

    /** This build's migrations newer than the version before, which the opening applied. */
    private static List<SchemaStatus.Migration> appliedSince(Optional<SchemaStatus> before, SchemaStatus after) {
        List<SchemaStatus.Migration> candidates = before.map(SchemaStatus::pending).orElse(after.applied());
        return candidates.stream().filter(after.applied()::contains).toList();
    }

    static SchemaStatus status(OwnerAccess owner) {
        // The connection holds an H2 file open for Flyway's own connections, waiting for another process as any opening.
        try (Connection held = owner.connect()) {
            return SchemaStatus.of(owner.flyway());
        } catch (SQLException e) {
            throw owner.failed(e);
        }
    }
}
