package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of unusual shape are read, or refused with a line, the same by data check and run. */
class ExportShapesTest {
    @TempDir
    Path tmp;

    private CliRun check(Path data) {
        return CliRun.of("data", "check", "--period", "2022", "--data", data.toString());
    }

    private CliRun run(Path data) {
        return CliRun.of("run", "--period", "2022", "--bulletin", "province", "--data", data.toString(),
                "--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString(),
                "--store", CliRun.store(tmp));
    }

    @Test
    void aNamedPipeInTheDataFolderIsRefusedNotReadForever() throws Exception {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        Files.delete(data.resolve("feedback.csv"));
        Process mkfifo = new ProcessBuilder("mkfifo", data.resolve("feedback.csv").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        String refused = "error: feedback.csv: not a file but a named pipe, device or socket, which would be read"
                + " forever (in " + data.toAbsolutePath() + "); put the export itself there as a regular file";
        // The guard only keeps a hang from stopping the build: without the check, opening the pipe never returns.
        CliRun[] both = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> new CliRun[] {check(data), run(data)});
        for (CliRun r : both) {
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertEquals(refused, r.err().strip());
        }
        assertFalse(Files.exists(tmp.resolve("out/2022")));
    }

    @Test
    void anExportWithCarriageReturnLineEndsIsReadLineByLine() throws IOException {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        Path dossiers = data.resolve("dossiers.csv");
        Files.writeString(dossiers, Files.readString(dossiers).replace('\n', '\r'));
        CliRun check = check(data);
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("dossiers.csv  (CSV UTF-8)\n  rows     48,003 read = 48,000 counted + 3 rejected"),
                check.out());
        CliRun run = run(data);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(Files.readString(tmp.resolve("out/2022/run-summary.txt")).contains("dossiers.csv  (CSV UTF-8)\n"
                + "  rows     48,003 read = 48,000 counted + 3 rejected"));
    }
}
