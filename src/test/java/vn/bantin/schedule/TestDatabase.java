package vn.bantin.schedule;

import java.nio.file.Path;

import javax.sql.DataSource;

import vn.bantin.store.Database;
import vn.bantin.store.TestStores;

/** A real H2 file database in a temp folder, opened (and migrated by Flyway) as the store opens it. */
final class TestDatabase implements AutoCloseable {
    final Database database;
    final DataSource pool;

    private TestDatabase(Database database) {
        this.database = database;
        this.pool = database.dataSource();
    }

    static TestDatabase create(Path dir) {
        return new TestDatabase(Database.open(TestStores.url(dir)));
    }

    @Override
    public void close() {
        database.close();
    }
}
