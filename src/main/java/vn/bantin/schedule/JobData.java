package vn.bantin.schedule;

import java.util.Arrays;
import java.util.List;

import vn.bantin.indicator.Period;

/**
 * The keys of the job data the scheduler stores. Values are strings only (the store keeps job data as properties,
 * never as serialised Java objects), so that a row written by one version reads the same in the next.
 */
final class JobData {
    // on a schedule's cron trigger
    static final String SCHEDULE = "schedule";
    static final String CRON = "cron";
    static final String ZONE = "zone";
    static final String RULE = "rule";
    // on a schedule's trigger and on a request's trigger
    static final String BULLETINS = "bulletins";
    // on a request's trigger and on a send job
    static final String PERIOD = "period";
    static final String FORCE = "force";
    static final String CAUSE = "cause";
    // on a send job
    static final String BULLETIN = "bulletin";
    static final String RECIPIENTS = "recipients";
    static final String BATCH = "batch";
    /** The plan's id, shared by its send jobs: the run record groups their runs as one request. */
    static final String REQUEST = "request";

    private JobData() {
    }

    /** A period as text that {@link Period#parse} reads back (a range's key is not parseable: use its dates). */
    static String periodText(Period p) {
        return p.kind() == Period.Kind.RANGE ? p.start() + ".." + p.end() : p.key();
    }

    static String join(List<String> items) {
        return String.join("\n", items);
    }

    static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
