package vn.bantin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigException;

class SchedulesTest {
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String GOOD = "trigger.monthly.cron=0 30 7 3 * ?\n"
            + "trigger.monthly.period=previous-month\n"
            + "trigger.monthly.bulletins=province,unit\n";

    @TempDir
    Path dir;

    private String error(String text) throws IOException {
        Files.writeString(dir.resolve(Schedules.FILE), text, StandardCharsets.UTF_8);
        String m = assertThrows(ConfigException.class, () -> Schedules.load(dir, HCM)).getMessage();
        assertTrue(m.startsWith(dir.resolve(Schedules.FILE) + ":"), "names the file: " + m);
        return m;
    }

    @Test
    void theSampleConfigHasTheThreeDefaultTriggers() {
        Schedules s = Schedules.load(Path.of("config"), ZoneId.of("UTC"));
        assertEquals(List.of(
                new Schedule("monthly", "0 30 7 3 * ?", HCM, PeriodRule.PREVIOUS_MONTH, List.of("province", "unit")),
                new Schedule("quarterly", "0 30 7 5 1,4,7,10 ?", HCM, PeriodRule.PREVIOUS_QUARTER, List.of("province", "unit")),
                new Schedule("yearly", "0 30 7 10 1 ?", HCM, PeriodRule.PREVIOUS_YEAR, List.of("province", "unit"))),
                s.triggers().stream().sorted(java.util.Comparator.comparing(Schedule::name)).toList());
        assertEquals(50, s.batchSize());
        assertEquals(Duration.ofSeconds(10), s.poll());
    }

    @Test
    void defaultsAndOverrides() throws IOException {
        Files.writeString(dir.resolve(Schedules.FILE), GOOD + "trigger.monthly.time-zone=Asia/Bangkok\nbatch-size=20\n");
        Schedules s = Schedules.load(dir, HCM);
        assertEquals(ZoneId.of("Asia/Bangkok"), s.triggers().get(0).zone());
        assertEquals(20, s.batchSize());
        assertEquals(2, s.threads());
        assertEquals(Duration.ofSeconds(60), s.misfireThreshold());
        Files.writeString(dir.resolve(Schedules.FILE), GOOD);
        assertEquals(HCM, Schedules.load(dir, HCM).triggers().get(0).zone());
    }

    @Test
    void aBadCronSaysWhatQuartzSays() throws IOException {
        String m = error(GOOD.replace("0 30 7 3 * ?", "0 30 7 3 * *"));
        assertTrue(m.contains("trigger.monthly.cron=0 30 7 3 * * is not valid"), m);
        assertTrue(m.contains("Quartz says \"Support for specifying both a day-of-week AND a day-of-month parameter is not implemented."), m);
        assertTrue(m.contains("expected a Quartz cron expression: seconds minutes hours day-of-month month day-of-week"), m);

        m = error(GOOD.replace("0 30 7 3 * ?", "0 30 25 3 * ?"));
        assertTrue(m.contains("Quartz says \"Hour values must be between 0 and 23\""), m);
    }

    @Test
    void aBadPeriodListsTheChoices() throws IOException {
        String m = error(GOOD.replace("previous-month", "last-month"));
        assertTrue(m.endsWith("trigger.monthly.period=last-month is not valid; expected one of previous-month,"
                + " previous-quarter, previous-year, previous-reporting-month, previous-reporting-quarter, previous-reporting-year"), m);
    }

    @Test
    void badBulletinsListTheChoices() throws IOException {
        String m = error(GOOD.replace("province,unit", "province,district"));
        assertTrue(m.endsWith("trigger.monthly.bulletins=province,district is not valid; expected province, unit,"
                + " or both as province,unit"), m);
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        String m = error("trigger.monthly.cron=0 30 7 3 * ?\ntrigger.monthly.bulletins=province\n");
        assertTrue(m.contains("trigger.monthly.period is missing; trigger 'monthly' needs trigger.monthly.cron,"
                + " trigger.monthly.period and trigger.monthly.bulletins"), m);
    }

    @Test
    void unknownKeysListTheValidOnes() throws IOException {
        String m = error(GOOD + "trigger.monthly.zone=Asia/Bangkok\n");
        assertTrue(m.contains("unknown key 'trigger.monthly.zone'; a trigger has the keys trigger.monthly.cron,"
                + " trigger.monthly.period, trigger.monthly.bulletins, trigger.monthly.time-zone"), m);
        m = error(GOOD + "batchsize=20\n");
        assertTrue(m.contains("unknown key 'batchsize'; did you mean 'batch-size'?; valid keys are [batch-size, checkin-seconds,"
                + " misfire-threshold-seconds, poll-seconds, threads, time-zone] and trigger.<name>."), m);
        m = error(GOOD.replace("trigger.monthly.", "trigger.Monthly!."));
        assertTrue(m.contains("'Monthly!' is not a trigger name"), m);
    }

    @Test
    void badNumbersAndZones() throws IOException {
        assertTrue(error(GOOD + "batch-size=0\n").endsWith("batch-size=0 is not valid; expected a whole number from 1 to 10000"));
        assertTrue(error(GOOD + "trigger.monthly.time-zone=Hanoi\n")
                .endsWith("trigger.monthly.time-zone=Hanoi is not valid; expected a time-zone id such as Asia/Ho_Chi_Minh"));
    }

    @Test
    void aMissingFileSaysWhatItIsFor() {
        String m = assertThrows(ConfigException.class, () -> Schedules.load(dir, HCM)).getMessage();
        assertTrue(m.contains("schedules.properties: not found; it lists the triggers of serve"), m);
    }
}
