package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code run}s of the same period at once, in two JVMs, against a server that takes its time with each message:
 * each message goes out once, and a message the other process is sending is reported as such, not as a failure:
 * both exit 0 and the administrator is not mailed.
 */
class TwoSendersTest {
    private static final int RECIPIENTS = 12;
    private static final String ADMIN = "admin@bacninh.gov.vn";

    @TempDir
    Path tmp;

    @Test
    void aMessageBeingSentByTheOtherProcessIsNotAFailure() throws Exception {
        try (SmtpStub server = SmtpStub.answeringData("250 OK queued")) {
            server.dotDelayMillis = 400;
            Path config = ChildRuns.config(tmp, server.port(), "mail.admin=" + ADMIN + "\n", ChildRuns.leaders(RECIPIENTS));
            Process[] children = new Process[2];
            for (int i = 0; i < 2; i++) {
                // Each its own out folder: what is shared, and raced for, is the store and the server.
                children[i] = ChildRuns.start(tmp.resolve("child-" + i + ".log"), "run", "--period", "2022-12", "--bulletin", "province",
                        "--config", config.toString(), "--out", tmp.resolve("out" + i).toString());
            }
            int[] exits = new int[2];
            for (int i = 0; i < 2; i++) {
                assertTrue(children[i].waitFor(5, TimeUnit.MINUTES), "run " + i + " ended");
                exits[i] = children[i].exitValue();
            }
            String logs = Files.readString(tmp.resolve("child-0.log")) + "\n----\n" + Files.readString(tmp.resolve("child-1.log"));

            Map<String, Integer> copies = new TreeMap<>();
            server.recipients().forEach(r -> copies.merge(r, 1, Integer::sum));
            assertFalse(copies.containsKey(ADMIN), "no administrator mail: " + logs);
            assertEquals(RECIPIENTS, copies.size(), "everyone: " + copies + "\n" + logs);
            assertTrue(copies.values().stream().allMatch(n -> n == 1), "each once: " + copies);
            assertEquals(List.of(0, 0), List.of(exits[0], exits[1]), logs);
            assertTrue(logs.contains("being sent by another process"), "the overlap is said as such: " + logs);
            assertFalse(logs.contains("not delivered: "), logs);
        }
    }
}
