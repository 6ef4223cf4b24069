package vn.bantin.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process as a user would run the jar, capturing what it prints. */
record CliRun(int exitCode, String out, String err) {

    /** A store of the test's own, so that no test sees another's deliveries (nor ./var of the working copy). */
    static String store(java.nio.file.Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("var/bantin");
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
