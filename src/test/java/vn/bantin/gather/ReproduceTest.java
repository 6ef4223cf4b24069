package vn.bantin.gather;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.BulletinRun;
import vn.bantin.run.RunListener;
import vn.bantin.run.RunRequest;
import vn.bantin.run.Senders;
import vn.bantin.store.AttachmentArchive;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryRow;
import vn.bantin.store.RunStore;

/**
 * A bulletin sent last month, from a gathered snapshot, is made again after its wording was edited: the PDF's text is
 * the one the recipients got (old wording, last month's date), and the archive holds byte for byte what the mail
 * server received.
 */
class ReproduceTest {
    static final String OLD_HEADING = "Ghi chú về nguồn số liệu";
    static final String NEW_HEADING = "Nguồn số liệu (đã sửa)";

    @TempDir
    Path tmp;

    @Test
    void aRunOfLastMonthIsMadeAgainWithItsOwnTemplatesAndInputs() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            Path templates = copy(Path.of("templates"), tmp.resolve("templates"));
            GatherScene scene = new GatherScene(tmp, "scene", "templates.dir=" + templates + "\nsmtp.host=127.0.0.1\n"
                    + "smtp.port=" + port + "\nsmtp.security=none\n");
            GatherScene.Result gathered = scene.cli("gather", "--period", "2022-12");
            assertEquals(0, gathered.exitCode(), gathered.toString());

            // The run, a month ago.
            Settings settings = ConfigLoader.load(scene.config);
            Clock lastMonth = Clock.fixed(Instant.now().minus(Duration.ofDays(31)), ZoneId.of("Asia/Ho_Chi_Minh"));
            long runId;
            try (Database db = Database.open(settings.store())) {
                new BulletinRun(settings, Senders.from(settings, lastMonth), lastMonth, RunListener.QUIET, db.dataSource())
                        .run(new RunRequest(Period.parse("2022-12"), Set.of(RunRequest.PROVINCE), Set.of(), false, "cli"));
                runId = new RunStore(db.dataSource(), lastMonth).recent(1).get(0).id();
            }
            Map<String, byte[]> received = vn.bantin.delivery.ReceivedAttachments.of(server.getReceivedMessages());
            assertEquals(4, received.size(), received.keySet().toString());
            byte[] sentPdf = received.get("chutich@bacninh.gov.vn/ban-tin-2022-12-tinh.pdf");
            String sentText = text(sentPdf);
            assertTrue(sentText.contains(OLD_HEADING), "the heading to be edited is in the bulletin");

            // The wording is edited since.
            Path labels = templates.resolve("labels/bulletin_vi.properties");
            Files.writeString(labels, Files.readString(labels, StandardCharsets.UTF_8).replace(OLD_HEADING, NEW_HEADING),
                    StandardCharsets.UTF_8);

            Path again = tmp.resolve("again");
            GatherScene.Result made = scene.cli("run", "--reproduce", Long.toString(runId), "--to", again.toString());
            assertEquals(0, made.exitCode(), made.toString());
            assertTrue(made.out().contains("made again from " + scene.inputs("2022-12")), made.toString());
            String madeText = text(Files.readAllBytes(again.resolve("tinh/ban-tin-2022-12-tinh.pdf")));
            assertEquals(sentText, madeText, "the same text, old wording and last month's date");
            assertFalse(madeText.contains(NEW_HEADING));
            assertEquals(2, server.getReceivedMessages().length, "nothing sent by the reproduction");

            try (Database db = Database.open(settings.store())) {
                AttachmentArchive archive = new AttachmentArchive(db.dataSource(), Clock.systemUTC(),
                        settings.store().archiveFolder());
                int compared = 0;
                for (DeliveryRow d : new DeliveryLedger(db.dataSource(), Clock.systemUTC()).list("province", "2022-12")) {
                    for (AttachmentArchive.Kept k : archive.of(d.id())) {
                        assertArrayEquals(received.get(d.key().email() + "/" + k.fileName()), Files.readAllBytes(k.file()),
                                d.key().email() + " " + k.fileName());
                        compared++;
                    }
                }
                assertEquals(4, compared);
            }
            GatherScene.Result history = scene.cli("history");
            assertTrue(history.out().contains("inputs " + scene.inputs("2022-12")), history.toString());
        } finally {
            server.stop();
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

}
