package vn.bantin.store;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Where a store's schema stands against this build's migrations, from Flyway's history table.
 *
 * @param current   the newest version applied to the store, null when it has none
 * @param newest    the newest version this build has
 * @param applied   the versions applied to the store, oldest first
 * @param pending   this build's migrations the store has not had yet
 * @param unknown   migrations applied to the store that this build does not have (a newer bantin applied them)
 * @param failed    migrations recorded as failed
 * @param mismatched migrations whose applied script differs from this build's (checksum or description)
 */
public record SchemaStatus(Migration current, Migration newest, List<Migration> applied, List<Migration> pending, List<Migration> unknown,
                           List<Migration> failed, List<String> mismatched) {

    /** One versioned migration: {@code 5} and "run requests outcomes archive". */
    public record Migration(String version, String description) {
        @Override
        public String toString() {
            return version + " (" + description + ")";
        }
    }

    /** Reads the status; Flyway opens its own connections with the owner's account. */
    static SchemaStatus of(Flyway flyway) {
        Migration current = null;
        Migration newest = null;
        List<Migration> applied = new ArrayList<>();
        List<Migration> pending = new ArrayList<>();
        List<Migration> unknown = new ArrayList<>();
        List<Migration> failed = new ArrayList<>();
        for (MigrationInfo m : flyway.info().all()) {
            if (!m.isVersioned()) {
                continue;
            }
            Migration one = new Migration(m.getVersion().getVersion(), m.getDescription());
            MigrationState state = m.getState();
            if (state.isResolved()) {
                newest = one;
            }
            if (state.isApplied() && !state.isFailed()) {
                current = one;
                applied.add(one);
            }
            if (state.isFailed()) {
                failed.add(one);
            }
            if (state == MigrationState.PENDING || state == MigrationState.IGNORED) {
                pending.add(one);
            }
            if (!state.isResolved() && state.isApplied()) {
                unknown.add(one);
            }
        }
        List<String> mismatched = new ArrayList<>();
        ValidateResult valid = flyway.validateWithResult();
        if (!valid.validationSuccessful) {
            valid.invalidMigrations.stream()
                    .filter(i -> i.version != null && Stream.of(pending, failed, unknown).flatMap(List::stream)
                            .noneMatch(known -> known.version().equals(i.version)))
                    .forEach(i -> mismatched.add(i.version + ": " + i.errorDetails.errorMessage));
        }
        return new SchemaStatus(current, newest, List.copyOf(applied), List.copyOf(pending), List.copyOf(unknown), List.copyOf(failed),
                List.copyOf(mismatched));
    }

    /** At this build's newest version, with nothing pending, unknown, failed or changed. */
    public boolean upToDate() {
        return current != null && current.equals(newest) && pending.isEmpty() && unknown.isEmpty() && failed.isEmpty()
                && mismatched.isEmpty();
    }

    /** What is wrong with the schema, one sentence each; empty when {@link #upToDate()}. */
    public List<String> problems(String where) {
        List<String> out = new ArrayList<>();
        if (!unknown.isEmpty()) {
            out.add("The store " + where + " has " + (unknown.size() == 1 ? "a migration" : unknown.size() + " migrations")
                    + " this build does not know (" + join(unknown) + "), newer than its newest, " + newest.version()
                    + ": a newer bantin migrated it; run that version (or a newer one) on it, not this one.");
        }
        if (!failed.isEmpty()) {
            out.add("The store " + where + " records a failed migration (" + join(failed) + "); restore the database from the"
                    + " backup made before it and run 'store migrate' again.");
        }
        if (!mismatched.isEmpty()) {
            out.add("The store " + where + " was migrated by scripts that differ from this build's (" + String.join("; ", mismatched)
                    + "); run the bantin version that migrated it.");
        }
        if (!pending.isEmpty()) {
            out.add("The store " + where + " is " + (current == null ? "empty" : "at version " + current.version()) + " and waits for "
                    + (pending.size() == 1 ? "one migration" : pending.size() + " migrations") + " of this build (" + join(pending)
                    + "); run 'store migrate' (serve and run migrate it too when they start).");
        }
        return out;
    }

    private static String join(List<Migration> ms) {
        return String.join(", ", ms.stream().map(Migration::toString).toList());
    }
}
