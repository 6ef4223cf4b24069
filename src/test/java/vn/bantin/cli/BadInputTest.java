package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line and exit 2, and nothing reaches the outbox or the output folder. */
class BadInputTest {
    @TempDir
    Path tmp;

    private Path data() throws IOException {
        return SampleData.copyTo(tmp.resolve("data"));
    }

    private CliRun run(Path data) {
        return run("2022", "--data", data.toString());
    }

    private CliRun run(String period, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--period", period, "--out", tmp.resolve("out").toString(),
                "--outbox", tmp.resolve("outbox").toString(), "--store", CliRun.store(tmp)));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void assertRefused(CliRun r, String expectedStart) throws IOException {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("error: " + expectedStart), err);
        assertFalse(Files.exists(tmp.resolve("outbox")) && Files.list(tmp.resolve("outbox")).findAny().isPresent(), "outbox empty");
        assertFalse(Files.exists(tmp.resolve("out/2022")), "no output folder");
    }

    @Test
    void missingFile() throws IOException {
        Path d = data();
        Files.delete(d.resolve("feedback.csv"));
        assertRefused(run(d), "feedback.csv: file not found");
    }

    @Test
    void missingColumn() throws IOException {
        Path d = data();
        Files.writeString(d.resolve("procedures.csv"), "code,name,unit\nP1,x,STTTT\n");
        assertRefused(run(d), "procedures.csv: missing required column online_level");
    }

    @Test
    void notACsvFile() throws IOException {
        Path d = data();
        Files.write(d.resolve("dossiers.csv"), new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 0, 0});
        assertRefused(run(d), "dossiers.csv: not a CSV text file");
    }

    @Test
    void emptyFile() throws IOException {
        Path d = data();
        Files.writeString(d.resolve("documents.csv"), "");
        assertRefused(run(d), "documents.csv: the file is empty");
    }

    @Test
    void badPeriodNamesTheFormsItTakes() throws IOException {
        assertRefused(run("12/2022", "--data", data().toString()), "'12/2022' is not a period");
    }

    @Test
    void unknownConfigKeyIsNamed() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        Files.writeString(config.resolve("bantin.properties"), "target.edoc.rate.provnce=90\n");
        assertRefused(run("2022", "--config", config.toString()),
                config.resolve("bantin.properties") + ": unknown key 'target.edoc.rate.provnce'");
    }

    @Test
    void aPeriodTheExportsDoNotReachYetIsRefusedUnlessForced() throws IOException {
        Path d = data();
        Files.writeString(d.resolve("feedback.csv"), Files.readString(d.resolve("feedback.csv")).lines()
                .filter(l -> !l.contains("2022-12-") && !l.contains("/12/2022")).collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        assertRefused(run("2022-12", "--data", d.toString()), "the data is not complete for 2022-12: feedback.csv reaches ");

        CliRun forced = run("2022-12", "--data", d.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
    }

    @Test
    void aBulletinOfZerosIsNeverMadeEvenWhenForced() throws IOException {
        assertRefused(run("2023-01", "--data", data().toString(), "--force"), "the data is not complete for 2023-01: no document"
                + " and no dossier falls in the period: the bulletin would show only zeros.");
    }
}
