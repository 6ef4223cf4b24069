package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports that hold one month only, as a platform's monthly export does: December's unit bulletin compares with
 * November through the snapshots November's run kept, and says the same as when the data holds both months.
 */
class MonthlyExportsTest {
    @TempDir
    Path tmp;

    /** The sample's rows that mention the month (in either date form), with the header. */
    private Path monthOnly(String name, String iso, String vn) throws IOException {
        Path dir = SampleData.copyTo(tmp.resolve(name));
        for (String f : List.of("documents.csv", "dossiers.csv", "feedback.csv")) {
            List<String> lines = Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8);
            String kept = lines.stream().skip(1).filter(l -> l.contains(iso) || l.contains(vn)).collect(Collectors.joining("\n"));
            Files.writeString(dir.resolve(f), lines.get(0) + "\n" + kept + "\n", StandardCharsets.UTF_8);
        }
        return dir;
    }

    private Path config() throws IOException {
        Path c = Files.createDirectories(tmp.resolve("config"));
        Files.copy(Path.of("config/bantin.properties"), c.resolve("bantin.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(c.resolve("recipients.csv"), "unit,name,email,bulletins\nSXD,Văn thư Sở Xây dựng,vanthu.sxd@bacninh.gov.vn,unit\n");
        return c;
    }

    private CliRun run(String period, Path data, String store, String out) throws IOException {
        return CliRun.of("run", "--period", period, "--bulletin", "unit", "--data", data.toString(), "--config", config().toString(),
                "--store", store, "--out", tmp.resolve(out).toString(), "--outbox", tmp.resolve(out + "-outbox").toString());
    }

    private String mailText(String out) throws Exception {
        Path eml = tmp.resolve(out + "-outbox").resolve("ban-tin-2022-12-" + vn.bantin.delivery.FileNames.of("SXD") + "--" + vn.bantin.delivery.FileNames.of("vanthu.sxd@bacninh.gov.vn") + ".eml");
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            return (String) ((Multipart) ((Multipart) m.getContent()).getBodyPart(0).getContent()).getBodyPart(0).getContent();
        }
    }

    @Test
    void decemberComparesWithNovemberThroughItsSnapshots() throws Exception {
        String store = CliRun.store(tmp.resolve("monthly"));
        CliRun november = run("2022-11", monthOnly("nov", "2022-11-", "/11/2022"), store, "out-nov");
        assertEquals(0, november.exitCode(), november.err());
        CliRun december = run("2022-12", monthOnly("dec", "2022-12-", "/12/2022"), store, "out-dec");
        assertEquals(0, december.exitCode(), december.err());
        String fromSnapshots = mailText("out-dec");

        CliRun whole = run("2022-12", SampleData.SAMPLE, CliRun.store(tmp.resolve("whole")), "out-whole");
        assertEquals(0, whole.exitCode(), whole.err());
        String fromData = mailText("out-whole");

        List<String> changes = fromSnapshots.lines().filter(l -> l.contains("so với tháng 11/2022")).toList();
        assertEquals(4, changes.size(), fromSnapshots);
        assertTrue(changes.stream().noneMatch(l -> l.endsWith("so với tháng 11/2022: không phát sinh)")), "changes known: " + changes);
        assertEquals(fromData.lines().filter(l -> l.contains("so với tháng 11/2022")).toList(), changes,
                "the same changes as computed from data holding both months");
    }
}
