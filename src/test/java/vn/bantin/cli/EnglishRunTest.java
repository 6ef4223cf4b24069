package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code language=en}: the bulletins and the messages come out in English from the same templates, with the English
 * label set and email bodies; names from the config and the exports stay as they are written.
 */
class EnglishRunTest {
    @TempDir
    Path tmp;

    @Test
    void bulletinsAndMessagesAreInEnglish() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nlanguage=en\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n"
                + ",Chủ tịch UBND tỉnh,chutich@bacninh.gov.vn,province\n"
                + "SXD,Văn thư Sở Xây dựng,vanthu.sxd@bacninh.gov.vn,unit\n", StandardCharsets.UTF_8);

        CliRun r = CliRun.of("run", "--period", "2022-12", "--config", config.toString(), "--store", CliRun.store(tmp));
        assertEquals(0, r.exitCode(), r.out() + r.err());

        String province = message("ban-tin-2022-12-tinh--");
        assertTrue(province.startsWith("subject: Digital transformation bulletin"), province);
        assertTrue(province.contains("Dear Chủ tịch UBND tỉnh,") && province.contains("Electronic documents")
                && province.contains("Online public services"), province);
        String unit = message("ban-tin-2022-12-" + vn.bantin.delivery.FileNames.of("SXD") + "--");
        assertTrue(unit.contains("– Sở Xây dựng") && unit.contains("Dear Văn thư Sở Xây dựng,")
                && unit.contains("Whole province:"), unit);
        for (String m : List.of(province, unit)) {
            assertFalse(m.contains("Kính gửi") || m.contains("chỉ tiêu") || m.contains("Bản tin"), "no Vietnamese wording: " + m);
        }
        String summary = Files.readString(tmp.resolve("out/2022-12/run-summary.txt"));
        assertTrue(summary.startsWith("bantin run for 2022-12 (2022-12-01 .. 2022-12-31)\n")
                && summary.contains("\ndeliveries of the period as the ledger has them (2 sent)\n"), "the summary follows language=en: " + summary);
        try (PDDocument pdf = Loader.loadPDF(tmp.resolve("out/2022-12/tinh/ban-tin-2022-12-tinh.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("REPORT\nResults of key digital") && text.contains("Distribution:")
                    && text.contains("Document management system"), text);
        }
    }

    /** Subject, text and HTML of the outbox message whose file name starts with {@code stem}. */
    private String message(String stem) throws Exception {
        Path eml;
        try (Stream<Path> files = Files.list(tmp.resolve("outbox"))) {
            eml = files.filter(f -> f.getFileName().toString().startsWith(stem)).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            List<String> parts = new ArrayList<>();
            collect(m, parts);
            return "subject: " + m.getSubject() + "\n" + String.join("\n", parts);
        }
    }

    private static void collect(Part part, List<String> out) throws Exception {
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), out);
            }
        } else if (part.getFileName() == null && part.getContent() instanceof String text) {
            out.add(text);
        }
    }
}
