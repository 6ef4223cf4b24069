package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** The store on a real PostgreSQL server: migrations, reopening, and the sentences of a refused opening. */
class PostgresStoreTest {

    @Test
    void migratesAFreshDatabaseOnceAndReopens() throws Exception {
        try (TestPostgres pg = TestPostgres.create()) {
            try (Database db = Database.open(pg.address())) {
                assertTrue(db.isServer());
                assertEquals(pg.url(), db.where());
            }
            try (Database db = Database.open(pg.address())) {
                assertTrue(db.isServer());
            }
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), max(version) FROM flyway_schema_history WHERE success")) {
                r.next();
                assertEquals(5, r.getInt(1), "each migration applied once");
                assertEquals("5", r.getString(2));
            }
        }
    }
}
