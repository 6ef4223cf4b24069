package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code serve} in a JVM of its own, on a config folder, its output in a log file; closing it sends SIGTERM. */
public final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ServeProcess start(Path config, Path log) throws IOException {
        Process p = new ProcessBuilder(java("serve", "--config", config.toString())).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ServeProcess(p, log);
    }

    /** What a command of the jar, run in a JVM of its own, printed and how it ended. */
    public record Ran(int exitCode, String out, String err) {}

    /** Runs a command as a person at a shell would, {@code stdin} typed into it (as a script pipes a password). */
    public static Ran command(String stdin, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(args)).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command " + String.join(" ", args) + " did not end within 120 s");
        return new Ran(p.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static java.util.List<String> java(String... args) {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "vn.bantin.cli.Main"));
        line.addAll(java.util.List.of(args));
        return line;
    }

    public long pid() {
        return process.pid();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls until {@code done}, for at most two minutes; fails at once if serve ends meanwhile. */
    public void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!done.getAsBoolean()) {
            assertTrue(process.isAlive(), "serve ended while waiting for " + what + ": " + log());
            assertTrue(System.nanoTime() < deadline, "no " + what + " within 120 s: " + log());
            Thread.sleep(100);
        }
    }

    /** SIGTERM: serve stops cleanly and lets go of the store. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), log());
    }
}
