package vn.bantin.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process as a user would run the jar, capturing what it prints. */
record CliRun(int exitCode, String out, String err) {

    /** A store of the test's own, so that no test sees another's deliveries (nor ./var of the working copy). */
    static String store(java.nio.file.Path dir) {
        return vn.bantin.store.TestStores.urlIn(dir.resolve("var"));
    }

    /** An H2 store of the test's own, for the tests about H2 itself (its lock, its credentials file, copying from it). */
    static String h2Store(java.nio.file.Path dir) {
        return vn.bantin.store.TestStores.url(dir.toAbsolutePath().resolve("var"));
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(vn.bantin.store.TestStores.withStoreUser(args), new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
