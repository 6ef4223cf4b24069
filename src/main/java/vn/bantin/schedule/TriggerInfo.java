package vn.bantin.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A schedule as {@code schedule} shows it: from the config, the store, or both.
 *
 * @param next     next fire time (from the store; computed from the cron when the store does not hold it yet), or null
 * @param previous last fire time (from the store), or null
 * @param state    waiting, paused, running, error, or what {@code serve} will do about a difference with the config
 */
public record TriggerInfo(String name, String cron, ZoneId zone, String period, List<String> bulletins,
                          Instant next, Instant previous, String state) {
}
