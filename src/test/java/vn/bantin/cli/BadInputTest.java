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
        assertRefused(run("2022", "--config", config.toString()), config.resolve("bantin.properties")
                + ":1: unknown key 'target.edoc.rate.provnce'; did you mean 'target.edoc.rate.province'?");
    }

    @Test
    void aKeyFarFromAnyValidOneGetsNoGuess() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        Files.writeString(config.resolve("bantin.properties"), "# mine\ncolour=blue\n");
        CliRun r = run("2022", "--config", config.toString());
        assertRefused(r, config.resolve("bantin.properties") + ":2: unknown key 'colour'; valid keys are [");
    }

    @Test
    void aScheduleKeyTypoGetsADidYouMean() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        Files.copy(Path.of("config/bantin.properties"), config.resolve("bantin.properties"));
        Files.writeString(config.resolve("schedules.properties"), "batch-sise=50\ntrigger.monthly.cronn=0 30 7 3 * ?\n");
        CliRun r = CliRun.of("schedule", "--config", config.toString(), "--store", CliRun.store(tmp));
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: " + config.resolve("schedules.properties")
                + ":1: unknown key 'batch-sise'; did you mean 'batch-size'?"), r.err());
        Files.writeString(config.resolve("schedules.properties"), "batch-size=50\ntrigger.monthly.cronn=0 30 7 3 * ?\n");
        CliRun trigger = CliRun.of("schedule", "--config", config.toString(), "--store", CliRun.store(tmp));
        assertTrue(trigger.err().contains(":2: unknown key 'trigger.monthly.cronn'; did you mean 'trigger.monthly.cron'?"),
                trigger.err());
    }

    @Test
    void aMonthThirteenIsRefusedInOurWordsWithTheFormsAccepted() throws IOException {
        Path d = data();
        CliRun r = run("2022-13", "--data", d.toString());
        assertRefused(r, "'2022-13' is not a period: the month is 13, and a month is 01 to 12; write a year (2022), a month"
                + " (2022-12), a quarter (2022-Q4), a date range (2022-01-01..2022-06-30), or a reporting period of Decree 09/2019 (2026-03-bc: 15/02 to 14/03; 2026-Q1-bc; 2026-bc)");
        assertFalse(r.err().contains("MonthOfYear"), "no message of java.time: " + r.err());
        assertRefused(run("2022-02-30..2022-03-31", "--data", d.toString()),
                "'2022-02-30..2022-03-31' is not a period: 2022-02-30 is not a day of the calendar");
    }

    @Test
    void aMissingPeriodIsOneLineThatSaysWhatItTakes() {
        CliRun r = CliRun.of("run", "--store", CliRun.store(tmp));
        assertEquals(2, r.exitCode());
        assertEquals("error: missing --period: 2022 (year), 2022-12 (month), 2022-Q4 (quarter) or 2022-01-01..2022-06-30"
                + " (range); see 'bantin run --help'", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void aStoreUserForAnH2StoreIsOneLineThatSaysToLeaveItOut() {
        CliRun r = CliRun.of("history", "--store", CliRun.h2Store(tmp), "--store-user", "bantin");
        assertEquals("error: --store-user is for a PostgreSQL store; the H2 store jdbc:h2:file:" + tmp.toAbsolutePath().resolve("var/bantin")
                + " keeps its accounts in the credentials file beside it: leave --store-user out.", r.err().strip());
        assertEquals(2, r.exitCode());
    }

    @Test
    void aTriggerWithNoServiceSuggestsTheRunThatSendsTheSameBulletinsOnly() {
        CliRun r = CliRun.of("trigger", "--bulletin", "province", "--period", "2022-12", "--store", CliRun.store(tmp));
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("java -jar target/bantin.jar run --period 2022-12 --bulletin province --store "
                + CliRun.store(tmp) + (vn.bantin.store.TestStores.onPostgres() ? " --store-user postgres" : "") + ";"),
                "the province bulletin only, not the 154 unit bulletins with it: " + r.err());
        CliRun both = CliRun.of("trigger", "--bulletin", "province,unit", "--period", "2022-Q4", "--force",
                "--store", CliRun.store(tmp));
        assertTrue(both.err().contains("run --period 2022-Q4 --bulletin all --force --store "), both.err());
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
