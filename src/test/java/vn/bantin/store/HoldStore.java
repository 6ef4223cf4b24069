package vn.bantin.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import vn.bantin.indicator.Period;

/**
 * A second process for {@link DatabaseTest}: opens the store at {@code args[0]}, records one run, says "ready"
 * and holds the store until its standard input closes (or says "quit").
 */
public final class HoldStore {
    private HoldStore() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(args[0])) {
            new RunStore(db.dataSource(), Clock.systemUTC()).start("province", Period.parse("2022"), Map.of(), Map.of("by", "other"));
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                // hold the store
            }
        } catch (StoreException e) {
            System.out.println("error: " + e.getMessage());
        }
    }
}
