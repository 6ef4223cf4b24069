package vn.bantin.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drops the PostgreSQL databases {@link TestStores#in} made, when the scope that made them ends: a test's after the
 * test (and its {@code @AfterEach}), a class's ({@code @BeforeAll}) after the class. Registered for every test class
 * by JUnit's extension auto-detection (META-INF/services), so that no test has to remember it.
 */
public final class TestStoreCleanup implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private static final List<TestPostgres> MADE = new ArrayList<>();
    private static final Deque<Integer> SCOPES = new ArrayDeque<>();

    static synchronized TestPostgres track(TestPostgres database) {
        MADE.add(database);
        return database;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static synchronized void open() {
        SCOPES.push(MADE.size());
    }

    private static void close() {
        List<TestPostgres> ending;
        synchronized (TestStoreCleanup.class) {
            List<TestPostgres> made = MADE.subList(SCOPES.isEmpty() ? 0 : SCOPES.pop(), MADE.size());
            ending = List.copyOf(made);
            made.clear();
        }
        for (TestPostgres database : ending) {
            TestStores.forget(database);
            database.close();
        }
    }
}
