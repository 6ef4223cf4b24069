package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code serve} in a JVM of its own, on a config folder, its output in a log file; closing it sends SIGTERM. */
final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServeProcess start(Path config, Path log) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "vn.bantin.cli.Main", "serve",
                "--config", config.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServeProcess(p, log);
    }

    long pid() {
        return process.pid();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls until {@code done}, for at most two minutes; fails at once if serve ends meanwhile. */
    void await(String what, BooleanSupplier done) throws InterruptedException {
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
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), log());
    }
}
