package vn.bantin.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real local web service serving the sample as paged JSON to a bearer token: gather then run gives the figures of
 * the CSV run; a page that keeps failing is tried again, then given up with no snapshot and nothing sent; a wrong token
 * is reported as such; a service that never answers times out.
 */
class HttpGatherTest {
    static final String TOKEN = "test-token-4f9c2a"; // BANTIN_TEST_HTTP_TOKEN, set for the tests in pom.xml

    @TempDir
    Path tmp;

    @Test
    void gatherFromPagedJsonThenRunGivesTheFiguresOfTheCsvSample() throws Exception {
        try (SampleService service = new SampleService(TOKEN, Set.of())) {
            GatherScene files = new GatherScene(tmp, "from-files", "");
            GatherScene.Result csvRun = files.cli("run", "--period", "2022", "--bulletin", "province");
            assertEquals(0, csvRun.exitCode(), csvRun.toString());

            GatherScene web = new GatherScene(tmp, "from-web", service.sources(GatherScene.FILES, "BANTIN_TEST_HTTP_TOKEN", ""));
            GatherScene.Result gathered = web.cli("gather", "--period", "2022");
            assertEquals(0, gathered.exitCode(), gathered.toString());
            assertTrue(gathered.out().contains("  documents: page 10, 50,000 rows\n")
                    && gathered.out().contains("  documents: 72,893 rows\n"), gathered.toString());
            assertTrue(service.requests().contains("/api/documents?from=2022-01-01&to=2022-12-31&page=16"),
                    "pages until one has no rows: " + service.requests());
            String manifest = Files.readString(web.inputs("2022").resolve(web.snapshotFolders("2022").get(0))
                    .resolve("manifest.json"));
            assertTrue(manifest.contains("\"kind\" : \"http\"") && manifest.contains("page={page}"), manifest);
            assertFalse(manifest.contains(TOKEN), "the token is never written down");

            GatherScene.Result webRun = web.cli("run", "--period", "2022", "--bulletin", "province");
            assertEquals(0, webRun.exitCode(), webRun.toString());
            assertEquals(Files.readString(files.out("2022").resolve("indicators.csv")),
                    Files.readString(web.out("2022").resolve("indicators.csv")));
        }
    }

    @Test
    void aPageThatKeepsFailingIsTriedAgainThenGivenUpWithNoSnapshotAndNothingSent() throws Exception {
        try (SampleService service = new SampleService(TOKEN, Set.of("documents#3"))) {
            Path empty = Files.createDirectories(tmp.resolve("no-exports"));
            GatherScene web = new GatherScene(tmp, "failing", "data.dir=" + empty + "\n"
                    + service.sources(List.of("documents"), "BANTIN_TEST_HTTP_TOKEN", "retries=2\nretry-wait=PT0.05S"));
            Files.copy(GatherScene.SAMPLE.resolve("units.csv"), empty.resolve("units.csv"));
            for (String f : List.of("procedures", "dossiers", "feedback")) {
                Files.copy(GatherScene.SAMPLE.resolve(f + ".csv"), empty.resolve(f + ".csv"));
            }
            GatherScene.Result failed = web.cli("gather", "--period", "2022");
            assertEquals(1, failed.exitCode(), failed.toString());
            assertTrue(failed.err().contains("documents (") && failed.err().contains("page 3")
                    && failed.err().contains("500") && failed.err().contains("3 time(s)"), failed.toString());
            assertEquals(3, service.requests().stream().filter(r -> r.endsWith("page=3")).count(), service.requests().toString());
            assertTrue(failed.out().contains("trying again"), failed.toString());
            assertEquals(List.of(), web.snapshotFolders("2022"), "no snapshot and no temporary folder");

            // With no snapshot and no documents export in the data folder, the run stops: nothing is sent.
            GatherScene.Result run = web.cli("run", "--period", "2022", "--bulletin", "province");
            assertEquals(2, run.exitCode(), run.toString());
            assertFalse(Files.isDirectory(web.dir.resolve("outbox")) && Files.list(web.dir.resolve("outbox")).findAny().isPresent(),
                    "nothing sent");
        }
    }

    @Test
    void aWrongTokenIsReportedAsSuch() throws Exception {
        try (SampleService service = new SampleService(TOKEN, Set.of())) {
            GatherScene web = new GatherScene(tmp, "wrong-token",
                    service.sources(List.of("documents"), "BANTIN_TEST_WRONG_TOKEN", "retries=3"));
            GatherScene.Result failed = web.cli("gather", "--period", "2022");
            assertEquals(1, failed.exitCode(), failed.toString());
            assertTrue(failed.err().contains("refused the token (401") && failed.err().contains("http.token-env"),
                    failed.toString());
            assertFalse(failed.err().contains("expired-token-0000"), "the token itself is not shown");
            assertEquals(1, service.requests().size(), "a refused token is not tried again: " + service.requests());
            assertEquals(List.of(), web.snapshotFolders("2022"));
        }
    }

    @Test
    void aServiceThatNeverAnswersTimesOut() throws Exception {
        // Connections are queued by the kernel and never answered.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            GatherScene web = new GatherScene(tmp, "silent", "source.documents.http.url=http://127.0.0.1:"
                    + silent.getLocalPort() + "/api/documents?page={page}\nsource.documents.http.rows=data\n"
                    + "source.documents.http.read-timeout=PT0.5S\nsource.documents.http.retries=1\n"
                    + "source.documents.http.retry-wait=PT0.05S\n");
            long started = System.nanoTime();
            GatherScene.Result failed = web.cli("gather", "--period", "2022");
            assertEquals(1, failed.exitCode(), failed.toString());
            assertTrue(failed.err().contains("no answer within 0.5 s"), failed.toString());
            assertTrue(System.nanoTime() - started < 30_000_000_000L, "ends on its own, within the timeouts");
            assertEquals(List.of(), web.snapshotFolders("2022"));
        }
    }
}
