package vn.bantin.schedule;

import java.time.ZoneId;
import java.util.List;

/**
 * One trigger of {@code schedules.properties}: when (a Quartz cron expression read in {@code zone}), which period
 * that fire stands for, and which bulletins go out ({@code province}, {@code unit} or both).
 */
public record Schedule(String name, String cron, ZoneId zone, PeriodRule rule, List<String> bulletins) {

    public Schedule {
        bulletins = List.copyOf(bulletins);
    }

    /** What {@code schedule} and the trigger's description say about it. */
    public String describe() {
        return name + ": " + rule.configName() + ", " + String.join("+", bulletins);
    }
}
