package vn.bantin.schedule;

import java.nio.file.Path;

import javax.sql.DataSource;

import vn.bantin.store.Database;
import vn.bantin.store.TestStores;

/**
 * A real database, opened (and migrated by Flyway) as the store opens it: H2 in a temp folder, or a fresh PostgreSQL
 * database with {@code -Dbantin.test.store=postgresql} ({@link TestStores#fresh}).
 */
final class TestDatabase implements AutoCloseable {
    final TestStores.Fresh store;
    final Database database;
    final DataSource pool;

    private TestDatabase(TestStores.Fresh store, Database database) {
        this.store = store;
        this.database = database;
        this.pool = database.dataSource();
    }

    static TestDatabase create(Path dir) {
        TestStores.Fresh store = TestStores.fresh(dir);
        try {
            return new TestDatabase(store, store.open());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** A second pool on the same database, as another process would open it. */
    Database openAgain() {
        return Database.open(store.address());
    }

    @Override
    public void close() {
        database.close();
        store.close();
    }
}
