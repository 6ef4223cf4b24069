package vn.bantin.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.bantin.config.ConfigException;
import vn.bantin.config.UnknownKey;

/**
 * {@code config/schedules.properties}, read and validated once: the triggers, and how the service runs them.
 *
 * <pre>
 * time-zone=Asia/Ho_Chi_Minh            zone of the cron expressions (default: time-zone of bantin.properties)
 * batch-size=50                         recipients per send job
 * threads=2                             jobs one service runs at the same time
 * poll-seconds=10                       how soon the service sees work another process stored (trigger)
 * checkin-seconds=15                    how often the service records in the database that it is alive
 * misfire-threshold-seconds=60          a fire later than this counts as missed, and is caught up once
 * trigger.NAME.cron=0 30 7 3 * ?        Quartz cron: seconds minutes hours day-of-month month day-of-week [year]
 * trigger.NAME.period=previous-month    previous-month | previous-quarter | previous-year, or the Decree 09/2019
 *                                       cut-off previous-reporting-month | -quarter | -year (15th to 14th)
 * trigger.NAME.bulletins=province,unit  province, unit, or both
 * trigger.NAME.time-zone=...            optional, overrides time-zone for this trigger
 * </pre>
 */
public record Schedules(Path file, List<Schedule> triggers, int batchSize, int threads, Duration poll,
                        Duration checkin, Duration misfireThreshold) {

    public static final String FILE = "schedules.properties";
    public static final int DEFAULT_BATCH_SIZE = 50;

    private static final Map<String, String> DEFAULTS = Map.of(
            "batch-size", Integer.toString(DEFAULT_BATCH_SIZE),
            "threads", "2",
            "poll-seconds", "10",
            "checkin-seconds", "15",
            "misfire-threshold-seconds", "60");
    private static final List<String> TRIGGER_FIELDS = List.of("cron", "period", "bulletins", "time-zone");
    private static final Pattern TRIGGER_KEY = Pattern.compile("trigger\\.([^.]*)\\.(.*)");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");
    private static final String CRON_HELP = "a Quartz cron expression: seconds minutes hours day-of-month month"
            + " day-of-week [year], with ? in one of the two day fields, e.g. 0 30 7 3 * ? (07:30 on the 3rd of every month)";

    public Schedules {
        triggers = List.copyOf(triggers);
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("batch size and threads must be at least 1");
        }
    }

    /** The service's defaults around the given triggers (for tests and for code that builds schedules itself). */
    public static Schedules of(List<Schedule> triggers) {
        return new Schedules(Path.of(FILE), triggers, DEFAULT_BATCH_SIZE, 2, Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofSeconds(60));
    }

    public Schedules withBatchSize(int size) {
        return new Schedules(file, triggers, size, threads, poll, checkin, misfireThreshold);
    }

    public Schedules withTiming(Duration poll, Duration checkin, Duration misfireThreshold) {
        return new Schedules(file, triggers, batchSize, threads, poll, checkin, misfireThreshold);
    }

    public Schedules withTriggers(List<Schedule> triggers) {
        return new Schedules(file, triggers, batchSize, threads, poll, checkin, misfireThreshold);
    }

    /** Reads {@code schedules.properties} from the config folder; cron expressions default to {@code defaultZone}. */
    public static Schedules load(Path configDir, ZoneId defaultZone) {
        Path file = configDir.resolve(FILE);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": not found; it lists the triggers of serve (trigger.<name>.cron,"
                    + " .period, .bulletins); copy the sample config/schedules.properties");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return new Reading(file, props).read(defaultZone);
    }

    private record Reading(Path file, Properties props) {

        Schedules read(ZoneId defaultZone) {
            Map<String, Map<String, String>> byName = new LinkedHashMap<>();
            for (String key : new TreeSet<>(props.stringPropertyNames())) {
                Matcher m = TRIGGER_KEY.matcher(key);
                if (m.matches()) {
                    if (!NAME.matcher(m.group(1)).matches()) {
                        throw new ConfigException(file + ": " + key + ": '" + m.group(1) + "' is not a trigger name;"
                                + " use lower-case letters, digits, - and _ (at most 60), e.g. trigger.monthly.cron");
                    }
                    if (!TRIGGER_FIELDS.contains(m.group(2))) {
                        List<String> fields = TRIGGER_FIELDS.stream().map(f -> "trigger." + m.group(1) + "." + f).toList();
                        throw new ConfigException(UnknownKey.message(file, key, fields, "a trigger has the keys "
                                + String.join(", ", fields)));
                    }
                    byName.computeIfAbsent(m.group(1), n -> new LinkedHashMap<>()).put(m.group(2), props.getProperty(key).strip());
                } else if (!DEFAULTS.containsKey(key) && !key.equals("time-zone")) {
                    Set<String> valid = new TreeSet<>(DEFAULTS.keySet());
                    valid.add("time-zone");
                    throw new ConfigException(UnknownKey.message(file, key, valid, "valid keys are " + valid
                            + " and trigger.<name>." + TRIGGER_FIELDS));
                }
            }
            ZoneId zone = props.containsKey("time-zone") ? zone("time-zone", props.getProperty("time-zone")) : defaultZone;
            List<Schedule> triggers = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> e : byName.entrySet()) {
                triggers.add(trigger(e.getKey(), e.getValue(), zone));
            }
            return new Schedules(file, triggers, positive("batch-size", 10_000), positive("threads", 64),
                    Duration.ofSeconds(positive("poll-seconds", 3_600)), Duration.ofSeconds(positive("checkin-seconds", 3_600)),
                    Duration.ofSeconds(positive("misfire-threshold-seconds", 86_400)));
        }

        private Schedule trigger(String name, Map<String, String> fields, ZoneId defaultZone) {
            String prefix = "trigger." + name + ".";
            for (String required : List.of("cron", "period", "bulletins")) {
                if (!fields.containsKey(required)) {
                    throw new ConfigException(file + ": " + prefix + required + " is missing; trigger '" + name
                            + "' needs " + prefix + "cron, " + prefix + "period and " + prefix + "bulletins");
                }
            }
            ZoneId zone = fields.containsKey("time-zone") ? zone(prefix + "time-zone", fields.get("time-zone")) : defaultZone;
            String cron = fields.get("cron");
            try {
                FireTimes.cron(cron, zone);
            } catch (ParseException e) {
                throw new ConfigException(file + ": " + prefix + "cron=" + cron + " is not valid: Quartz says \""
                        + e.getMessage() + "\"; expected " + CRON_HELP);
            }
            PeriodRule rule = PeriodRule.parse(fields.get("period")).orElseThrow(() -> bad(prefix + "period",
                    fields.get("period"), "one of " + PeriodRule.choices()));
            Set<String> bulletins = new LinkedHashSet<>();
            for (String b : fields.get("bulletins").split("[,;|\\s]+")) {
                if (!b.isBlank()) {
                    if (!Bulletins.known(b)) {
                        throw bad(prefix + "bulletins", fields.get("bulletins"), "province, unit, or both as province,unit");
                    }
                    bulletins.add(b);
                }
            }
            if (bulletins.isEmpty()) {
                throw bad(prefix + "bulletins", fields.get("bulletins"), "province, unit, or both as province,unit");
            }
            return new Schedule(name, cron, zone, rule, List.copyOf(bulletins));
        }

        private ZoneId zone(String key, String value) {
            try {
                return ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                throw bad(key, value, "a time-zone id such as Asia/Ho_Chi_Minh");
            }
        }

        private int positive(String key, int max) {
            String v = props.getProperty(key, DEFAULTS.get(key)).strip();
            try {
                int n = Integer.parseInt(v);
                if (n >= 1 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw bad(key, v, "a whole number from 1 to " + max);
        }

        private ConfigException bad(String key, String value, String expected) {
            return new ConfigException(file + ": " + key + "=" + value + " is not valid; expected " + expected);
        }
    }
}
