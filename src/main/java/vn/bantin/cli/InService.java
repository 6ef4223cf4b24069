package vn.bantin.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import vn.bantin.config.Settings;
import vn.bantin.schedule.Schedules;
import vn.bantin.store.StoreFiles;

/**
 * What a command answered by serve works with: serve's own store, settings and schedules. A command made with one
 * runs there; made without (on the command line), it first asks a serve that holds its store, and opens the store
 * itself only when none answers.
 */
record InService(DataSource store, String where, Settings settings, Schedules schedules) {

    /**
     * Forwards {@code args} to the serve that holds the store at {@code storeUrl}, printing its answer; empty when no
     * serve answers for that store (it is not a local file, or no serve runs on it).
     */
    static Optional<Integer> ask(String storeUrl, List<String> args, PrintWriter out, PrintWriter err) {
        return StoreFiles.of(storeUrl).flatMap(f -> ServiceChannel.ask(f.socket(), args, out, err, ServiceChannel.TIMEOUT));
    }
}
