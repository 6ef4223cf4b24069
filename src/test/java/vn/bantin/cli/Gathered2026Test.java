package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gathered snapshot of the 2026 sample keeps official-766.csv and unit-changes.csv beside the exports, so that a run
 * from it computes what a run from the data folder does (official scores reconciled, merged communes' predecessors),
 * and not a bulletin without them.
 */
class Gathered2026Test {
    private static final Path DATA = Path.of("data/sample/2026");

    @TempDir
    Path tmp;

    @Test
    void aRunFromTheSnapshotHasTheFiguresOfARunFromTheDataFolder() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.copy(Path.of("config/2026/schedules.properties"), config.resolve("schedules.properties"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/2026/bantin.properties"))
                + "\ninputs.dir=" + tmp.resolve("inputs") + "\n", StandardCharsets.UTF_8);
        List<String> province = Files.readAllLines(Path.of("config/2026/recipients.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains(",unit")).toList();
        Files.write(config.resolve("recipients.csv"), province, StandardCharsets.UTF_8);

        CliRun fromFolder = run(config, "folder");
        CliRun gathered = CliRun.of("gather", "--period", "2026-Q1", "--data", DATA.toString(), "--config", config.toString(),
                "--store", CliRun.store(tmp.resolve("snapshot")));
        assertEquals(0, gathered.exitCode(), gathered.toString());
        assertTrue(gathered.out().contains("copied official-766.csv") && gathered.out().contains("copied unit-changes.csv"),
                gathered.out());
        CliRun fromSnapshot = run(config, "snapshot");
        assertTrue(fromSnapshot.out().contains("gathered snapshot"), fromSnapshot.out());

        assertArrayEquals(Files.readAllBytes(tmp.resolve("folder/out/2026-Q1/indicators.csv")),
                Files.readAllBytes(tmp.resolve("snapshot/out/2026-Q1/indicators.csv")), "indicators.csv of the two runs");
        assertTrue(fromFolder.exitCode() == 0 && fromSnapshot.exitCode() == 0);
    }

    /** The province bulletin of 2026-Q1 with a store and folders of its own under {@code name}. */
    private CliRun run(Path config, String name) {
        Path dir = tmp.resolve(name);
        // Before the gather, no snapshot exists: the run reads the data folder.
        CliRun r = CliRun.of("run", "--period", "2026-Q1", "--bulletin", "province", "--data", DATA.toString(), "--config",
                config.toString(), "--out", dir.resolve("out").toString(), "--outbox", dir.resolve("outbox").toString(),
                "--store", CliRun.store(dir));
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }
}
