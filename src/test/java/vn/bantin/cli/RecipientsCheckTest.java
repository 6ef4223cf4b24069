package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config/recipients.csv is checked against the units of the data before anything renders, the same by
 * {@code data check} and {@code run}: an unknown unit is a warning naming the line (the run skips that recipient
 * and serves the others, and does not count it as undelivered); a duplicate row is an error naming both lines.
 */
class RecipientsCheckTest {
    @TempDir
    Path tmp;

    /** A config folder with the bundled settings and these recipient rows. */
    private Path config(String rows) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.copy(Path.of("config/bantin.properties"), config.resolve("bantin.properties"));
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n" + rows, StandardCharsets.UTF_8);
        return config;
    }

    private CliRun check(Path config) {
        return CliRun.of("data", "check", "--period", "2022", "--config", config.toString());
    }

    private CliRun run(Path config) {
        return CliRun.of("run", "--period", "2022", "--bulletin", "unit", "--config", config.toString(),
                "--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString(),
                "--store", CliRun.store(tmp));
    }

    private long messages() throws IOException {
        try (Stream<Path> files = Files.list(tmp.resolve("outbox"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    @Test
    void aRecipientWhoseUnitIsNotInTheDataIsNamedByLineAndSkippedNotRetried() throws IOException {
        Path config = config("""
                STTTT,Văn thư Sở TTTT,vanthu.stttt@bacninh.gov.vn,unit
                X-KHONGCO,Văn thư xã không có,vanthu.x.khongco@bacninh.gov.vn,unit
                X-TRUNGXA,Văn thư UBND xã Trừng Xá,vanthu.x.trungxa@bacninh.gov.vn,unit
                """);
        String warning = config.resolve("recipients.csv") + " line 3: unit 'X-KHONGCO' is not in units.csv, so"
                + " vanthu.x.khongco@bacninh.gov.vn gets no unit bulletin";

        CliRun check = check(config);
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("WARNING: " + warning), check.out());

        CliRun first = run(config);
        assertEquals(0, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().contains("skipped: " + warning), first.out());
        assertEquals(2, messages(), "the units before and after the unknown one are served");
        assertTrue(Files.readString(tmp.resolve("out/2022/run-summary.txt")).contains("1 người nhận bị bỏ qua: đơn vị không có trong dữ liệu"));

        CliRun again = run(config);
        assertEquals(0, again.exitCode(), "the skipped recipient is no failure to retry: " + again.err());
        assertEquals(2, messages());
    }

    @Test
    void aDuplicateRowIsAnErrorNamingBothLinesInDataCheckAndRun() throws IOException {
        Path config = config("""
                STTTT,Văn thư Sở TTTT,vanthu.stttt@bacninh.gov.vn,unit
                X-TRUNGXA,Văn thư UBND xã Trừng Xá,vanthu.x.trungxa@bacninh.gov.vn,unit
                STTTT,Văn thư Sở TTTT (2),VanThu.STTTT@bacninh.gov.vn,unit
                """);
        String error = "error: " + config.resolve("recipients.csv") + " line 4: email 'VanThu.STTTT@bacninh.gov.vn'"
                + " already receives the unit bulletin of unit STTTT on line 2; remove one of the two rows";
        for (CliRun r : new CliRun[] {check(config), run(config)}) {
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertEquals(error, r.err().strip());
        }
        assertFalse(Files.exists(tmp.resolve("outbox")), "nothing sent");
    }

    @Test
    void aMalformedAddressIsAnErrorNamingLineAndField() throws IOException {
        Path config = config("STTTT,Văn thư Sở TTTT,vanthu.stttt(at)bacninh.gov.vn,unit\n");
        for (CliRun r : new CliRun[] {check(config), run(config)}) {
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().strip().startsWith("error: " + config.resolve("recipients.csv") + " line 2: email"
                    + " 'vanthu.stttt(at)bacninh.gov.vn' is not an address"), r.err());
        }
    }
}
