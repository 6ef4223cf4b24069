package vn.bantin.cli;

import java.time.Clock;

import picocli.CommandLine.Option;
import vn.bantin.config.Settings;
import vn.bantin.store.Database;
import vn.bantin.store.FileVersions;

/** What the editing commands share: who acts (for the record) and the store that keeps the versions. */
final class Editing {
    @Option(names = "--by", paramLabel = "NAME", description = "who makes the change, for the record (default: the user running the command)")
    String by = System.getProperty("user.name", "unknown");

    /** Opens the store of {@code settings}; close it after use. */
    static Database store(Settings settings) {
        return Database.open(settings.store());
    }

    static FileVersions versions(Database db) {
        return new FileVersions(db.dataSource(), Clock.systemUTC());
    }
}
