package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value of any length is held in full or rejected as a row with its reason, the same in {@code data check} and
 * {@code run}; no column size of the store stops a run (a real H2 file store, migrated by Flyway).
 */
class LongValuesTest {
    private static final String LONG_CODE = "X-" + "DAITHATLADAI".repeat(5); // 62 characters
    /** Longer than a file name may be, once it is part of the bulletin's file names. */
    private static final String LONGER_CODE = "X-" + "DAI-HON-NUA-".repeat(25);
    private static final String LONG_CATEGORY = "Ô nhiễm môi trường do cơ sở sản xuất gây ra ".repeat(7).strip(); // > 300

    @TempDir
    Path tmp;

    @Test
    void aLongCategoryAndALongUnitCodeAreHeldWholeAndEveryRecipientIsServed() throws IOException, SQLException {
        Path data = SampleData.copyTo(tmp.resolve("data"));
        SampleData.append(data.resolve("units.csv"), LONG_CODE + ",UBND xã Dài Thật Là Dài,commune,H-LT,,\n"
                + LONGER_CODE + ",UBND xã Dài Hơn Nữa,commune,H-LT,,\n");
        SampleData.append(data.resolve("feedback.csv"), "PAKN22-9001,2022-06-01,P-NINHXA,SXD,\"" + LONG_CATEGORY
                + "\",processed,2022-06-10,\n");
        // Far over Excel's cell limit: rejected as a row with its reason, not held, not a stop.
        SampleData.append(data.resolve("feedback.csv"), "PAKN22-9002,2022-06-02,P-NINHXA,SXD," + "x".repeat(40_000)
                + ",processed,2022-06-10,\n");
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.copy(Path.of("config/bantin.properties"), config.resolve("bantin.properties"));
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n"
                + ",Chủ tịch UBND tỉnh,chutich@bacninh.gov.vn,province\n"
                + LONG_CODE + ",Văn thư xã Dài,vanthu.x.dai@bacninh.gov.vn,unit\n"
                + LONGER_CODE + ",Văn thư xã Dài Hơn Nữa,vanthu.x.daihonnua@bacninh.gov.vn,unit\n"
                + "STTTT,Văn thư Sở TTTT,vanthu.stttt@bacninh.gov.vn,unit\n"
                + "X-TRUNGXA,Văn thư UBND xã Trừng Xá,vanthu.x.trungxa@bacninh.gov.vn,unit\n", StandardCharsets.UTF_8);

        CliRun check = CliRun.of("data", "check", "--period", "2022", "--data", data.toString(), "--config", config.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("reject   1 x value longer than 32767 characters"), check.out());

        CliRun run = CliRun.of("run", "--period", "2022", "--data", data.toString(), "--config", config.toString(),
                "--out", tmp.resolve("out").toString(), "--outbox", tmp.resolve("outbox").toString(),
                "--store", CliRun.store(tmp));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        try (Stream<Path> files = Files.list(tmp.resolve("outbox"))) {
            assertEquals(5, files.count(), "every recipient served, the long units' and those after them");
        }
        String rejects = Files.readString(tmp.resolve("out/2022/rejects.csv"));
        assertTrue(rejects.contains("value longer than 32767 characters"), rejects);

        try (Connection c = vn.bantin.store.TestStores.lookInto(tmp.resolve("var"))) {
            assertEquals(List.of(LONG_CATEGORY), strings(c, "SELECT scope_code FROM indicator_snapshot WHERE scope = 'category'"
                    + " AND LENGTH(scope_code) > 200"));
            assertEquals(List.of(LONG_CODE, LONGER_CODE), strings(c, "SELECT unit_code FROM delivery WHERE LENGTH(unit_code) > 40"
                    + " ORDER BY LENGTH(unit_code)"));
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
