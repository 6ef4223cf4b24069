package vn.bantin.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.RunInputs;

/**
 * What serve does before a scheduled bulletin: one gather per request (its batches share it), again when the request
 * is tried again for late exports; a failed gather is one line, and the run reads the latest complete snapshot.
 */
class ScheduledGatherTest {
    @TempDir
    Path tmp;

    @Test
    void gathersOncePerRequestAndAgainWhenTheRequestIsTriedAgain() throws Exception {
        try (SampleService service = new SampleService(HttpGatherTest.TOKEN, Set.of())) {
            GatherScene scene = new GatherScene(tmp, "serve",
                    service.sources(List.of("units"), "BANTIN_TEST_HTTP_TOKEN", "retries=0"));
            Settings settings = ConfigLoader.load(scene.config);
            Period december = Period.parse("2022-12");
            ScheduledGather gather = new ScheduledGather();
            List<String> lines = new ArrayList<>();

            gather.before(settings, "monthly-1", december, lines::add);
            gather.before(settings, "monthly-1", december, lines::add); // the request's second batch
            assertEquals(1, scene.snapshotFolders("2022-12").size(), lines.toString());
            assertEquals(scene.inputs("2022-12").resolve(scene.snapshotFolders("2022-12").get(0)).toString(),
                    RunInputs.of(settings, december).settings().dataDir().toString(), "the run reads that snapshot");

            gather.again("monthly-1", december);
            gather.before(settings, "monthly-1", december, lines::add);
            assertEquals(2, scene.snapshotFolders("2022-12").size(), lines.toString());

            service.close();
            gather.before(settings, "monthly-2", december, lines::add);
            assertTrue(lines.get(lines.size() - 1).contains("gather of 2022-12 failed") && lines.get(lines.size() - 1)
                    .contains("units ("), lines.toString());
            assertEquals(2, scene.snapshotFolders("2022-12").size(), "the previous snapshot stays current");
        }
    }
}
