package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import vn.bantin.store.AttachmentArchive;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.DeliveryRow;
import vn.bantin.store.StoreAddress;
import vn.bantin.store.TestStores;

/**
 * With output.formats=pdf,xlsx,docx every recipient gets the Word document beside the PDF and the workbook, as a
 * Word attachment that opens, and the store keeps it with what each message carried.
 */
class DocxAttachmentTest {
    private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path tmp;

    @Test
    void eachMessageCarriesTheWordDocumentAndTheStoreKeepsIt() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            Path config = CliInTest.config(tmp, server.getSmtp().getPort(), "output.formats=pdf,xlsx,docx\n");
            CliInTest run = CliInTest.of("run", "--period", "2022-12", "--config", config.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("bulletin   " + tmp.resolve("out/2022-12/tinh/ban-tin-2022-12-tinh.docx")), run.out());
            assertTrue(run.out().contains("units      1 bulletins (PDF, XLSX and DOCX)"), run.out());

            Map<String, byte[]> received = ReceivedAttachments.of(server.getReceivedMessages());
            assertEquals(15, received.size(), "a PDF, a workbook and a Word document for each of 5 recipients: "
                    + received.keySet());
            for (MimeMessage m : server.getReceivedMessages()) {
                assertEquals(List.of("application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        DOCX_TYPE), attachmentTypes(m));
            }
            assertTrue(docxText(received.get(CliInTest.LEADERS.get(0) + "/ban-tin-2022-12-tinh.docx"))
                    .contains("BÁO CÁO"));
            String unitDocx = received.keySet().stream().filter(k -> k.startsWith(CliInTest.SXD + "/") && k.endsWith(".docx"))
                    .findFirst().orElseThrow();
            assertTrue(docxText(received.get(unitDocx)).contains("Sở Xây dựng"), unitDocx);

            StoreAddress store = TestStores.in(tmp.resolve("var"));
            try (Database db = Database.open(store)) {
                DeliveryLedger ledger = new DeliveryLedger(db.dataSource(), Clock.systemUTC());
                AttachmentArchive archive = new AttachmentArchive(db.dataSource(), Clock.systemUTC(), store.archiveFolder());
                int words = 0;
                for (String bulletin : List.of("province", "unit")) {
                    for (DeliveryRow d : ledger.list(bulletin, "2022-12")) {
                        List<AttachmentArchive.Kept> kept = archive.of(d.id());
                        assertEquals(3, kept.size(), d.toString());
                        for (AttachmentArchive.Kept k : kept) {
                            if (k.fileName().endsWith(".docx")) {
                                assertArrayEquals(received.get(d.key().email() + "/" + k.fileName()), Files.readAllBytes(k.file()));
                                words++;
                            }
                        }
                    }
                }
                assertEquals(5, words);
            }
        } finally {
            server.stop();
        }
    }

    private static List<String> attachmentTypes(MimeMessage m) throws Exception {
        List<String> types = new ArrayList<>();
        Multipart mixed = (Multipart) m.getContent();
        for (int i = 1; i < mixed.getCount(); i++) {
            types.add(mixed.getBodyPart(i).getContentType().replaceFirst(";.*", "").strip());
        }
        return types;
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return java.text.Normalizer.normalize(extractor.getText(), java.text.Normalizer.Form.NFC);
        }
    }
}
