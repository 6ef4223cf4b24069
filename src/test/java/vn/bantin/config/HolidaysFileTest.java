package vn.bantin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.WorkingDays;

/** config/holidays.csv: BOM, both date forms, worked weekend days; a bad row or a second listing stops with the line. */
class HolidaysFileTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("holidays.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsBothDateFormsABomAndWorkedSaturdays() throws IOException {
        WorkingDays days = HolidaysFile.read(write("\uFEFFdate,name,working\n# a note\n02/01/2026,Nghỉ,\n2026-01-10,Làm bù,có\n"));
        assertTrue(!days.isWorking(LocalDate.of(2026, 1, 2)));
        assertTrue(days.isWorking(LocalDate.of(2026, 1, 10)));
        assertTrue(HolidaysFile.read(write("date,name\n2026-01-01,Tết Dương lịch\n")) != null, "working is optional");
    }

    @Test
    void aDateListedTwiceNamesBothLines() throws IOException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> HolidaysFile.read(write("date,name\n2026-01-01,a\n2026-02-17,b\n01/01/2026,c\n")));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void anUnreadableRowStopsWithItsLine() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> HolidaysFile.read(write("date,name\n2026-02-30,x\n")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("2026-02-30"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> HolidaysFile.read(write("date,name,working\n2026-01-10,x,maybe\n")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("maybe"), e.getMessage());
    }

    @Test
    void aMissingFileIsForTheCallerToJudge() {
        assertNull(HolidaysFile.read(dir.resolve("none.csv")));
    }

    @Test
    void theShippedCalendarListsEveryYearFrom2022To2026() {
        WorkingDays shipped = HolidaysFile.read(Path.of("config/holidays.csv")).tracking();
        shipped.between(LocalDate.of(2021, 12, 31), LocalDate.of(2026, 12, 31));
        assertEquals(java.util.Set.of(), shipped.yearsWithoutEntries());
    }
}
