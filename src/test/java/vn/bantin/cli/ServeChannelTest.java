package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running serve (a JVM of its own) holds the store and listens on no network port; trigger, history, schedule and
 * store check reach it through the socket beside the store, run says to use trigger, and a frozen serve costs the
 * CLI one line.
 */
class ServeChannelTest {
    @TempDir
    Path tmp;

    @Test
    void serveListensOnNoPortButItsConsolesOnLoopbackAndAnswersTheCliThroughItsSocket() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        int consolePort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            consolePort = free.getLocalPort();
        }
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                + "\nstore.url=" + CliRun.h2Store(tmp) + "\nconsole.listen=127.0.0.1:" + consolePort + "\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n"
                + ",Chủ tịch UBND tỉnh,chutich@bacninh.gov.vn,province\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("schedules.properties"), "poll-seconds=1\ncheckin-seconds=1\n", StandardCharsets.UTF_8);
        Path socket = tmp.resolve("var/bantin.sock");

        try (ServeProcess serve = ServeProcess.start(config, tmp.resolve("serve.log"))) {
            serve.await("serve to start", () -> serve.log().contains("serving;"));
            // the web console's port, on the loopback address only (127.0.0.1, or its IPv6-mapped form); no other
            List<String> ports = listeningTcpPorts(serve.pid());
            assertEquals(1, ports.size(), "serve listens on its console's port only: " + ports);
            assertTrue(ports.get(0).endsWith(":" + consolePort) && ports.get(0).toUpperCase(java.util.Locale.ROOT).contains("0100007F"),
                    "the console listens on loopback only: " + ports);
            assertEquals("rw-------", mode(socket));
            assertEquals("rwx------", mode(tmp.resolve("var")));

            CliRun history = CliRun.of("history", "--config", config.toString());
            assertEquals(0, history.exitCode(), history.err());
            assertTrue(history.out().startsWith("no runs yet in jdbc:h2:file:"), history.out());
            CliRun schedule = CliRun.of("schedule", "--config", config.toString());
            assertTrue(schedule.out().startsWith("serve: running as "), schedule.out() + schedule.err());

            CliRun trigger = CliRun.of("trigger", "--bulletin", "province", "--period", "2022-12", "--config", config.toString());
            assertEquals(0, trigger.exitCode(), trigger.out() + trigger.err());
            assertTrue(trigger.out().startsWith("stored request request-"), trigger.out());
            serve.await("serve to take the request", () -> serve.log().contains("done   request province 2022-12"));

            CliRun run = CliRun.of("run", "--period", "2022-12", "--config", config.toString());
            assertEquals(1, run.exitCode());
            assertTrue(run.err().startsWith("error: serve is running and holds the store jdbc:h2:file:"), run.err());
            assertTrue(run.err().contains("trigger --bulletin province,unit --period 2022-12"), run.err());

            signal("STOP", serve);
            try {
                CliRun frozen = CliRun.of("history", "--config", config.toString());
                assertEquals(1, frozen.exitCode());
                assertEquals("error: serve holds the store but did not answer within 10 s through " + socket + "; it may be"
                        + " stopped (SIGSTOP) or overloaded: check the serve process (systemctl status bantin, or kill -CONT"
                        + " its pid)\n", frozen.err());
            } finally {
                signal("CONT", serve);
            }
            assertEquals(0, CliRun.of("history", "--config", config.toString()).exitCode(), "answers again once woken");

            // store check is answered by serve, which holds the file, from inside its own process
            serve.await("the batch to be sent", () -> serve.log().contains("done   send province 2022-12"));
            CliRun check = CliRun.of("store", "check", "--config", config.toString());
            assertEquals(0, check.exitCode(), check.out() + check.err());
            assertTrue(check.out().contains(", alive (every 1 s)") && check.out().contains("store OK"), check.out());
        }
        assertFalse(Files.exists(socket), "serve removes its socket when it stops");
        CliRun after = CliRun.of("history", "--config", config.toString());
        assertEquals(0, after.exitCode(), after.err());
        assertTrue(after.out().matches("(?s)(runs \\(newest first\\)|no runs yet) in jdbc:h2:file:.*"),
                "opened directly once serve is gone: " + after.out());
    }

    @Test
    void theListeningPortCheckSeesAPortWhenThereIsOne() throws IOException {
        try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            List<String> seen = listeningTcpPorts(ProcessHandle.current().pid());
            assertTrue(seen.stream().anyMatch(a -> a.endsWith(":" + open.getLocalPort())), seen.toString());
        }
    }

    /**
     * The TCP sockets process {@code pid} listens on, as {@code ss -ltnp} shows them: the socket inodes among its open
     * files, looked up in {@code /proc/net/tcp} and {@code tcp6} in the LISTEN state (0A).
     */
    static List<String> listeningTcpPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // not there any more
                }
            }
        }
        List<String> ports = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                String[] f = line.strip().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    ports.add(address(f[1]));
                }
            }
        }
        return ports;
    }

    /** {@code 0100007F:1F90} as {@code 127.0.0.1:8080}; IPv6 addresses stay in hex. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        if (parts[0].length() != 8) {
            return "[" + parts[0] + "]:" + port;
        }
        long a = Long.parseLong(parts[0], 16);
        return (a & 0xFF) + "." + (a >> 8 & 0xFF) + "." + (a >> 16 & 0xFF) + "." + (a >> 24 & 0xFF) + ":" + port;
    }

    private static void signal(String name, ServeProcess p) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
