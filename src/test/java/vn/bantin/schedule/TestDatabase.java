package vn.bantin.schedule;

import java.nio.file.Path;

import javax.sql.DataSource;

import vn.bantin.store.Database;

/** A real H2 file database in a temp folder, opened (and migrated by Flyway) as the store opens it. */
final class TestDatabase implements AutoCloseable {
    final Database database;
    final DataSource pool;

    private TestDatabase(Database database) {
        this.database = database;
        this.pool = database.dataSource();
    }

    static TestDatabase create(Path dir) {
        return new TestDatabase(Database.open("jdbc:h2:file:" + dir.resolve("bantin").toAbsolutePath()));
    }

    @Override
    public void close() {
        database.close();
    }
}
