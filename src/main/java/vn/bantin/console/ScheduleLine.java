package vn.bantin.console;

import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.bantin.schedule.TriggerInfo;

/** A schedule as the Schedules page and the API show it; times in the schedule's zone, with their offset. */
public record ScheduleLine(String name, String cron, String zone, String period, List<String> bulletins, String next,
                           String previous, String state) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    static ScheduleLine of(TriggerInfo t) {
        return new ScheduleLine(t.name(), t.cron(), t.zone().getId(), t.period(), t.bulletins(),
                t.next() == null ? null : WHEN.format(t.next().atZone(t.zone())),
                t.previous() == null ? null : WHEN.format(t.previous().atZone(t.zone())), t.state());
    }

    public boolean paused() {
        return state.startsWith("paused");
    }
}
