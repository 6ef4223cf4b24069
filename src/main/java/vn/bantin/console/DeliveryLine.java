package vn.bantin.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import vn.bantin.store.DeliveryRow;

/** One recipient's delivery as the run page and the API show it. */
public record DeliveryLine(String bulletin, String unit, String email, String status, int attempts, String lastError,
                           String updated) {

    static DeliveryLine of(DeliveryRow d, ZoneId zone) {
        return new DeliveryLine(d.key().bulletin(), d.unitCode() == null ? "" : d.unitCode(), d.key().email(),
                d.status().name().toLowerCase(java.util.Locale.ROOT), d.attempts(), d.lastError() == null ? "" : d.lastError(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone).format(d.updatedAt()));
    }

    public boolean failed() {
        return status.equals("failed") || status.equals("rejected") || status.equals("uncertain");
    }
}
