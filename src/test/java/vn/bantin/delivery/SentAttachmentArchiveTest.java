package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import vn.bantin.store.AttachmentArchive;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryRow;

/**
 * What a recipient got is kept as it was sent: after a re-run of a delivered period (here the issuing number changed,
 * so out/ is rendered anew and differs), the attachments recorded for each delivery are byte for byte those the mail
 * server received.
 */
class SentAttachmentArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void theArchivedAttachmentsOfEachDeliveryAreWhatTheServerReceivedAfterAReRun() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            Path config = CliInTest.config(tmp, server.getSmtp().getPort(), "org.doc-number=Số: 01/BT\n");
            CliInTest first = CliInTest.of("run", "--period", "2022-12", "--config", config.toString());
            assertEquals(0, first.exitCode(), first.toString());
            Map<String, byte[]> received = ReceivedAttachments.of(server.getReceivedMessages());
            assertEquals(10, received.size(), "a PDF and a workbook for each of 5 recipients: " + received.keySet());

            // The period is made again with another number: out/ changes, what was sent must not.
            config = CliInTest.config(tmp, server.getSmtp().getPort(), "org.doc-number=Số: 02/BT\n");
            CliInTest again = CliInTest.of("run", "--period", "2022-12", "--config", config.toString());
            assertEquals(0, again.exitCode(), again.toString());
            assertEquals(5, server.getReceivedMessages().length, "nothing sent twice");
            Path outPdf = tmp.resolve("out/2022-12/tinh/ban-tin-2022-12-tinh.pdf");
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(outPdf),
                    received.get(CliInTest.LEADERS.get(0) + "/ban-tin-2022-12-tinh.pdf")), "out/ was rendered anew");

            vn.bantin.store.StoreAddress store = vn.bantin.store.TestStores.in(tmp.resolve("var"));
            try (Database db = Database.open(store)) {
                DeliveryLedger ledger = new DeliveryLedger(db.dataSource(), Clock.systemUTC());
                AttachmentArchive archive = new AttachmentArchive(db.dataSource(), Clock.systemUTC(),
                        store.archiveFolder());
                int compared = 0;
                for (String bulletin : List.of("province", "unit")) {
                    for (DeliveryRow d : ledger.list(bulletin, "2022-12")) {
                        List<AttachmentArchive.Kept> kept = archive.of(d.id());
                        assertEquals(2, kept.size(), d.toString());
                        for (AttachmentArchive.Kept k : kept) {
                            byte[] got = received.get(d.key().email() + "/" + k.fileName());
                            assertArrayEquals(got, Files.readAllBytes(k.file()), d.key().email() + " " + k.fileName());
                            assertEquals(tmp.resolve("var/archive").resolve(k.sha256()).toAbsolutePath(), k.file().toAbsolutePath());
                            compared++;
                        }
                    }
                }
                assertEquals(10, compared);
            }
            CliInTest history = CliInTest.of("history", "--config", config.toString(), "--period", "2022-12");
            assertTrue(history.out().contains("sent ban-tin-2022-12-tinh.pdf"), history.toString());
        } finally {
            server.stop();
        }
    }

}
