package vn.bantin.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --units N}: the 2022 sample at another size, with recipients for every unit, the same every time. */
class GenerateUnitsTest {
    @TempDir
    Path tmp;

    @Test
    void aLargerProvinceHasEveryUnitWithARecipientAndComesOutTheSameTwice() throws Exception {
        SampleGenerator.writeUnits(tmp.resolve("a"), 300);
        SampleGenerator.writeUnits(tmp.resolve("b"), 300);
        List<String> units = Files.readAllLines(tmp.resolve("a/units.csv"), StandardCharsets.UTF_8);
        List<String> recipients = Files.readAllLines(tmp.resolve("a/recipients.csv"), StandardCharsets.UTF_8);
        assertEquals(301, units.size(), "a header and 300 units");
        assertEquals(1 + 4 + 300, recipients.size(), "a header, the 4 leaders and a clerk per unit");
        assertTrue(units.get(1).startsWith("STTTT,"), units.get(1));
        assertTrue(units.stream().anyMatch(u -> u.startsWith("X-THEM0146,UBND xã Thêm 146,commune,")), "the made-up communes");
        assertEquals(300, recipients.stream().filter(r -> r.endsWith(",unit")).map(r -> r.split(",")[2]).distinct().count(),
                "one address per unit");
        for (String file : List.of("units.csv", "documents.csv", "procedures.csv", "dossiers.csv", "feedback.csv", "recipients.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(file)), Files.readAllBytes(tmp.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void bacNinhsOwnSizeIsTheBundledSample() throws Exception {
        SampleGenerator.write2022(tmp);
        for (String file : List.of("units.csv", "documents.csv", "procedures.csv", "dossiers.csv", "feedback.csv")) {
            assertArrayEquals(Files.readAllBytes(Path.of("data/sample/2022").resolve(file)), Files.readAllBytes(tmp.resolve(file)), file);
        }
    }
}
