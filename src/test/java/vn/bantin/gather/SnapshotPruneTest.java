package vn.bantin.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old snapshots go, the newest N of each period stay, and so does any snapshot a run read; a gather in progress is left alone. */
class SnapshotPruneTest {
    @TempDir
    Path inputs;

    private Path snapshot(String id) throws Exception {
        Path dir = Files.createDirectories(inputs.resolve(id));
        Files.writeString(dir.resolve("manifest.json"), "{\"files\":[]}");
        return dir;
    }

    @Test
    void keepsTheNewestAndTheOnesRunsReadAndRemovesTheRest() throws Exception {
        for (String id : List.of("2022-11/20261101T000000Z", "2022-12/20261201T000000Z", "2022-12/20261202T000000Z",
                "2022-12/20261203T000000Z", "2022-12/20261204T000000Z")) {
            snapshot(id);
        }
        Path gathering = Files.createDirectories(inputs.resolve("2022-12/.gathering-123"));
        SnapshotPrune.Outcome o = SnapshotPrune.prune(inputs, 2, Set.of("2022-12/20261201T000000Z"));
        assertEquals(List.of("2022-12/20261202T000000Z"), o.removed());
        assertEquals(List.of("2022-12/20261201T000000Z"), o.keptForRuns());
        assertTrue(Files.isDirectory(inputs.resolve("2022-11/20261101T000000Z")));
        assertTrue(Files.isDirectory(inputs.resolve("2022-12/20261201T000000Z")));
        assertTrue(Files.isDirectory(inputs.resolve("2022-12/20261204T000000Z")));
        assertTrue(!Files.exists(inputs.resolve("2022-12/20261202T000000Z")));
        assertTrue(Files.isDirectory(gathering), "a gather in progress is not a snapshot");
    }
}
