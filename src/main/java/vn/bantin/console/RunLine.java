package vn.bantin.console;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import vn.bantin.store.RequestRow;
import vn.bantin.store.RunRow;
import vn.bantin.store.RunTotals;

/** One request as the Runs page and the API show it: one row per request, not per batch. */
public record RunLine(String id, String cause, String bulletins, String period, String status, int made, int sent,
                      int sentBefore, int notDelivered, String started, String duration, int batches,
                      Map<String, String> templates, String message) {

    static RunLine of(RequestRow q, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        RunTotals t = q.totals();
        String duration = q.finishedAt() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f s",
                Duration.between(q.startedAt(), q.finishedAt()).toMillis() / 1000.0);
        Map<String, String> templates = new TreeMap<>();
        String message = null;
        for (RunRow r : q.runs()) {
            r.templateHashes().forEach((file, hash) -> templates.put(file, hash.length() > 12 ? hash.substring(0, 12) : hash));
            if (r.message() != null) {
                message = r.message();
            }
        }
        return new RunLine(q.id(), q.cause() == null ? "" : q.cause(), String.join("+", q.bulletins()), q.periodKey(),
                q.status().id(), t.made(), t.sent(), t.sentBefore(), t.notDelivered(), time.format(q.startedAt()), duration,
                q.runs().size(), templates, message);
    }
}
