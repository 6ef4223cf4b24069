package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.delivery.CliInTest;
import vn.bantin.store.Database;
import vn.bantin.store.RunRow;
import vn.bantin.store.RunStatus;
import vn.bantin.store.RunStore;
import vn.bantin.store.RunTotals;

/**
 * A repeated run of a period already delivered (issue 17), through the CLI on the sample's exports and templates
 * (copies of the test's own, to change), a real store and the outbox: a repeat renders and sends nothing and says so,
 * and any change of the exports, the templates or the recipients, or a message not delivered, makes the next run
 * render again and send exactly what is new.
 */
class RepeatRunTest {
    private static final String NOTHING_NEW = "Nothing new for 2022-12: same data, templates and recipients as run #";

    @TempDir
    Path tmp;

    private Path config() throws IOException {
        copy(Path.of("data/sample/2022"), tmp.resolve("data"));
        copy(Path.of("templates"), tmp.resolve("templates"));
        Path config = Files.createDirectories(tmp.resolve("config"));
        String props = Files.readString(Path.of("config/bantin.properties"), StandardCharsets.UTF_8) + "\n"
                + vn.bantin.store.TestStores.properties(tmp.resolve("var"))
                + "data.dir=" + tmp.resolve("data") + "\ntemplates.dir=" + tmp.resolve("templates")
                + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n";
        Files.writeString(config.resolve("bantin.properties"), props, StandardCharsets.UTF_8);
        StringBuilder recipients = new StringBuilder("unit,name,email,bulletins\n");
        CliInTest.LEADERS.forEach(e -> recipients.append(",Lãnh đạo,").append(e).append(",province\n"));
        recipients.append("SXD,Văn thư Sở Xây dựng,").append(CliInTest.SXD).append(",unit\n");
        Files.writeString(config.resolve("recipients.csv"), recipients, StandardCharsets.UTF_8);
        return config;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static CliInTest run(Path config, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--period", "2022-12", "--config", config.toString()));
        args.addAll(List.of(more));
        CliInTest r = CliInTest.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    private long outbox() throws IOException {
        try (Stream<Path> eml = Files.list(tmp.resolve("outbox"))) {
            return eml.count();
        }
    }

    private List<RunRow> runs(Path config) {
        Settings settings = ConfigLoader.load(config);
        try (Database db = Database.open(settings.store())) {
            return new RunStore(db.dataSource(), Clock.systemUTC()).ofPeriod("2022-12");
        }
    }

    private static void assertRendered(CliInTest r, long sent, long sentBefore) {
        assertTrue(r.out().contains("done in "), "rendered again\n" + r);
        assertFalse(r.out().contains("Nothing new"), r.toString());
        assertTrue(r.out().contains(sent + " message(s) sent, " + sentBefore + " already sent before, 0 not delivered"), r.toString());
    }

    private static void assertSkipped(CliInTest r) {
        assertTrue(r.out().contains(NOTHING_NEW), "a repeat\n" + r);
        assertFalse(r.out().contains("done in "), "nothing rendered\n" + r);
        assertTrue(r.out().contains("0 message(s) sent, 5 already sent before, 0 not delivered"), r.toString());
    }

    @Test
    void aRepeatRendersAndSendsNothingSaysSoAndHistoryShowsIt() throws Exception {
        Path config = config();
        run(config);
        assertEquals(5, outbox());
        Path summary = tmp.resolve("out/2022-12/run-summary.txt");
        String firstSummary = Files.readString(summary, StandardCharsets.UTF_8);
        long firstId = runs(config).get(0).id();

        CliInTest again = run(config);
        assertSkipped(again);
        assertTrue(again.out().contains(NOTHING_NEW + firstId + " ("), again.toString());
        assertTrue(again.out().contains("which delivered all 5 messages; nothing rendered or sent (its bulletins are in "
                + tmp.resolve("out").resolve("2022-12") + ")"), again.toString());
        assertTrue(again.out().contains("`bantin run --period 2022-12 --resend ADDRESS`")
                && again.out().contains("`bantin run --period 2022-12 --again`"), again.toString());
        assertEquals(5, outbox(), "nothing sent");
        assertEquals(firstSummary, Files.readString(summary, StandardCharsets.UTF_8), "the delivered run's folder is left as it was");

        RunRow repeat = runs(config).get(0);
        assertEquals(RunStatus.SUCCEEDED, repeat.status());
        assertEquals(new RunTotals(0, 0, 5, 0), repeat.totals());
        assertTrue(repeat.inputChecksums().keySet().containsAll(List.of("documents.csv", "config:recipients", "config:settings")),
                repeat.inputChecksums().toString());
        CliInTest history = CliInTest.of("history", "--config", config.toString(), "--runs", "1");
        assertTrue(history.out().contains("0 made, 0 sent, 5 sent before, 0 not delivered"), history.toString());
        assertTrue(history.out().contains(NOTHING_NEW + firstId), history.toString());

        CliInTest full = run(config, "--again");
        assertRendered(full, 0, 5);
        assertEquals(5, outbox(), "--again renders, and the ledger still sends nothing twice");
        assertFalse(firstSummary.equals(Files.readString(summary, StandardCharsets.UTF_8)), "written again");
        assertSkipped(run(config));
    }

    @Test
    void oneChangedInputByteTemplateOrRecipientMakesTheNextRunRenderAndSendExactlyWhatIsNew() throws Exception {
        Path config = config();
        run(config);
        assertEquals(5, outbox());

        // One byte of the exports: the last feedback's rating, 4 → 5.
        Path feedback = tmp.resolve("data/feedback.csv");
        String text = Files.readString(feedback, StandardCharsets.UTF_8);
        assertTrue(text.endsWith(",4\n"), "the sample's last line");
        Files.writeString(feedback, text.substring(0, text.length() - 2) + "5\n", StandardCharsets.UTF_8);
        assertRendered(run(config), 0, 5);
        assertSkipped(run(config));

        // One template: a word of the unit bulletin's labels.
        Path labels = tmp.resolve("templates/labels/bulletin_vi.properties");
        Files.writeString(labels, "\n# edited\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertRendered(run(config), 0, 5);
        assertSkipped(run(config));

        // One recipient more: only the new one gets a message.
        Files.writeString(config.resolve("recipients.csv"), ",Phó chủ tịch,phochutich@bacninh.gov.vn,province\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertRendered(run(config), 1, 5);
        assertEquals(6, outbox());
        CliInTest repeat = run(config);
        assertTrue(repeat.out().contains("0 message(s) sent, 6 already sent before"), repeat.toString());
        assertTrue(repeat.out().contains("which delivered all 6 messages"), repeat.toString());
    }

    @Test
    void aPeriodWithAMessageNotDeliveredIsNotSkipped() throws Exception {
        Path config = config();
        run(config);
        assertEquals(5, outbox());
        // The ledger as after a relay that failed for one address (the run itself succeeded with the others).
        Settings settings = ConfigLoader.load(config);
        try (Database db = Database.open(settings.store());
             Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE delivery SET status = 'failed', last_error = 'relay down'"
                     + " WHERE recipient_email = ?")) {
            s.setString(1, CliInTest.LEADERS.get(0));
            assertEquals(1, s.executeUpdate());
        }

        assertRendered(run(config), 1, 4);
        assertEquals(5, outbox(), "the failed one sent again (under its own file name), nobody else");
        assertSkipped(run(config));
    }

    @Test
    void aRepeatedServiceRequestIsARepeatBatchByBatchWhicheverBulletinComesFirst() throws Exception {
        Path config = config();
        Settings settings = ConfigLoader.load(config);
        Clock clock = Clock.systemUTC();
        vn.bantin.indicator.Period december = vn.bantin.indicator.Period.parse("2022-12");
        java.util.Set<String> leaders = java.util.Set.copyOf(CliInTest.LEADERS);
        java.util.Set<String> sxd = java.util.Set.of(CliInTest.SXD);
        try (Database db = Database.open(settings.store())) {
            BulletinRun run = new BulletinRun(settings, Senders.from(settings, clock), clock, RunListener.QUIET, db.dataSource());
            // The first trigger: the province's batch, then the unit's, each adding its files to the period's folder.
            assertEquals(1, run.run(new RunRequest(december, java.util.Set.of(RunRequest.PROVINCE), leaders, false,
                    "schedule monthly", "req-1")).made());
            assertEquals(1, run.run(new RunRequest(december, java.util.Set.of(RunRequest.UNIT), sxd, false,
                    "schedule monthly, batch 2/2", "req-1")).made());
            long firstBatch = new RunStore(db.dataSource(), clock).ofRequest("req-1").get(0).id();

            // The same trigger again, its unit batch first this time: both batches are repeats.
            RunResult unit = run.run(new RunRequest(december, java.util.Set.of(RunRequest.UNIT), sxd, false,
                    "schedule monthly, batch 1/2", "req-2"));
            assertTrue(unit.repeat() != null && unit.made() == 0, unit.toString());
            assertEquals(1, unit.count("already-sent"));
            RunResult province = run.run(new RunRequest(december, java.util.Set.of(RunRequest.PROVINCE), leaders, false,
                    "schedule monthly, batch 2/2", "req-2"));
            assertTrue(province.repeat() != null && province.made() == 0, "its request's unit batch does not hide the first"
                    + " request's province batch: " + province);
            assertEquals(firstBatch, province.repeat().runId(), "named: the run whose bulletins are in the folder");
            assertEquals(4, province.count("already-sent"));
        }
        assertEquals(5, outbox());
        assertTrue(Files.exists(tmp.resolve("out/2022-12/tinh/ban-tin-2022-12-tinh.pdf")), "the first batches' files stay");
    }

    @Test
    void settingsThatChangeNoMessageKeepTheFingerprintAndOneThatDoesChangesIt() throws Exception {
        Path config = config();
        var first = SettingsFingerprint.of(ConfigLoader.load(config));
        assertEquals(first, SettingsFingerprint.of(ConfigLoader.load(config)), "the same in every load (and process)");
        Path props = config.resolve("bantin.properties");
        Files.writeString(props, "# a comment\nrender.threads=1\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(first, SettingsFingerprint.of(ConfigLoader.load(config)));
        Files.writeString(props, "org.doc-number.running=true\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        var numbered = SettingsFingerprint.of(ConfigLoader.load(config));
        assertFalse(first.get("config:settings").equals(numbered.get("config:settings")), "the document number changes");
        assertEquals(first.get("config:recipients"), numbered.get("config:recipients"));
    }
}
