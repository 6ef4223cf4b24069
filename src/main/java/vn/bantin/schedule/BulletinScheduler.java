package vn.bantin.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import javax.sql.DataSource;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.spi.OperableTrigger;

import vn.bantin.config.ConfigException;
import vn.bantin.indicator.Period;

/**
 * The scheduler service: Quartz with a clustered JDBC job store in the product's database.
 *
 * <p>As a <b>service</b> ({@link #start()}), it brings the store's triggers in line with {@code schedules.properties},
 * catches up once any fire missed while no service ran, runs the plan and send jobs, and on {@link #stop()} lets the
 * jobs in progress finish and leaves the rest in the store for the next start.
 *
 * <p>As a <b>client</b> ({@link #client}), a Quartz instance on the same store that never starts (no worker thread,
 * no check-in): {@code schedule} reads triggers through it and {@code trigger} stores a request that the running
 * service takes on its next poll. Both take row locks in the database, so the two processes never tread on each other.
 */
public final class BulletinScheduler implements AutoCloseable {
    static final String SCHEDULE_GROUP = "bantin.schedule";
    static final String MANUAL_GROUP = "bantin.manual";
    static final String BATCH_GROUP = "bantin.batch";
    static final JobKey REQUEST_PLAN = new JobKey("plan", MANUAL_GROUP);

    private static final Object CREATING = new Object();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private final DataSource dataSource;
    private final Schedules schedules;
    private final Clock clock;
    private final String instanceId;
    private final Scheduler quartz;
    private boolean started;
    private boolean closed;

    /** What {@link #reconcile()} did, by schedule name. */
    public record Reconciled(List<String> added, List<String> updated, List<String> removed, List<String> unchanged) {
    }

    /** What {@link #stop()} left: triggers of requests and send jobs waiting in the store for the next start. */
    public record Stopped(int waiting) {
    }

    /** A request or a send job waiting in the store (or running: "running"). */
    public record Pending(String description, Instant due, String state) {
    }

    /** The receipt of {@link #requestRun}: the request's id and the services that were alive to take it. */
    public record Requested(String id, List<ServiceInstance> services) {
    }

    /** The service: runs the jobs, calling {@code launcher} for each batch of {@code recipients}. */
    public BulletinScheduler(DataSource dataSource, Schedules schedules, BulletinLauncher launcher,
                             RecipientSource recipients, Clock clock, SchedulerEvents events) {
        this(dataSource, schedules, clock, true);
        try {
            quartz.setJobFactory(new BulletinJobFactory(recipients, schedules.batchSize(), launcher));
            quartz.getListenerManager().addJobListener(new Events(events, clock));
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot set up the scheduler: " + e.getMessage(), e);
        }
    }

    private BulletinScheduler(DataSource dataSource, Schedules schedules, Clock clock, boolean service) {
        this.dataSource = dataSource;
        this.schedules = schedules;
        this.clock = clock;
        this.instanceId = QuartzSettings.newInstanceId();
        this.quartz = create(dataSource, schedules, service, instanceId);
    }

    /** A client on the same store: lists, requests, reads the services' check-ins; never runs a job. */
    public static BulletinScheduler client(DataSource dataSource, Schedules schedules, Clock clock) {
        return new BulletinScheduler(dataSource, schedules, clock, false);
    }

    private static Scheduler create(DataSource dataSource, Schedules schedules, boolean service, String instanceId) {
        synchronized (CREATING) {
            try {
                String delegate = QuartzSettings.delegateFor(dataSource);
                String dataSourceName = QuartzSettings.Providers.register(dataSource);
                Scheduler s;
                try {
                    s = new StdSchedulerFactory(QuartzSettings.properties(instanceId, dataSourceName, delegate,
                            schedules, service)).getScheduler();
                } catch (SchedulerException | RuntimeException e) {
                    QuartzSettings.Providers.release(dataSource);
                    throw e;
                }
                // Quartz keeps one scheduler per name in a JVM-wide registry; every instance of bantin's scheduler has
                // the same name (it is the key of its rows in the store), so the registry must not hold on to it.
                SchedulerRepository.getInstance().remove(s.getSchedulerName());
                return s;
            } catch (SQLException e) {
                throw new ScheduleException("cannot reach the database of the scheduler: " + e.getMessage(), e);
            } catch (SchedulerException e) {
                throw new ScheduleException("cannot set up the scheduler on the database: " + e.getMessage(), e);
            }
        }
    }

    public String instanceId() {
        return instanceId;
    }

    public Schedules schedules() {
        return schedules;
    }

    /**
     * Brings the store in line with the config: adds the schedules it lacks (first fire after now), updates those
     * whose cron, zone, period or bulletins changed, removes those no longer in the config. An unchanged schedule is
     * left alone, so a fire it missed is still caught up at start.
     */
    public Reconciled reconcile() {
        // Nodes starting at once on one store reconcile one after the other: the second sees what the first stored
        // (the same schedules: unchanged), so neither fails on a trigger the other added, and a missed fire that the
        // first has already caught up is not put back by the second's update.
        return ClusterLock.holding(dataSource, ClusterLock.RECONCILE, this::reconcileNow);
    }

    private Reconciled reconcileNow() {
        Instant now = clock.instant();
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        try {
            for (Schedule s : schedules.triggers()) {
                TriggerKey key = new TriggerKey(s.name(), SCHEDULE_GROUP);
                Trigger stored = quartz.getTrigger(key);
                if (stored == null) {
                    try {
                        quartz.addJob(planJob(s), true);
                        schedule(s, () -> quartz.scheduleJob(trigger(s, now, null)));
                        added.add(s.name());
                    } catch (ObjectAlreadyExistsException raced) {
                        // a node that does not take the lock (an older version) stored it meanwhile: it stands
                        unchanged.add(s.name());
                    }
                } else if (differs(stored, s)) {
                    // A fire the old trigger missed stays missed under the new one: it starts from that fire.
                    Date next = stored.getNextFireTime();
                    Instant from = next != null && next.toInstant().isBefore(now) ? next.toInstant() : now;
                    schedule(s, () -> quartz.rescheduleJob(key, trigger(s, from, stored.getPreviousFireTime())));
                    updated.add(s.name());
                } else {
                    unchanged.add(s.name());
                }
            }
            for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(SCHEDULE_GROUP))) {
                if (schedules.triggers().stream().noneMatch(s -> s.name().equals(key.getName()))) {
                    quartz.deleteJob(new JobKey(key.getName(), SCHEDULE_GROUP));
                    removed.add(key.getName());
                }
            }
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot bring the stored triggers in line with " + schedules.file() + ": "
                    + e.getMessage(), e);
        }
        return new Reconciled(added, updated, removed, unchanged);
    }

    private interface StoreChange {
        void run() throws SchedulerException;
    }

    private void schedule(Schedule s, StoreChange change) throws SchedulerException {
        try {
            change.run();
        } catch (SchedulerException e) {
            if (e.getMessage() != null && e.getMessage().contains("will never fire")) {
                throw new ConfigException(schedules.file() + ": trigger." + s.name() + ".cron=" + s.cron()
                        + " never fires again; expected a cron expression with fire times to come");
            }
            throw e;
        }
    }

    /** Reconciles, then starts running jobs: missed fires are caught up once, stored requests and batches run. */
    public Reconciled start() {
        Reconciled r = reconcile();
        try {
            quartz.start();
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot start the scheduler: " + e.getMessage(), e);
        }
        started = true;
        return r;
    }

    /**
     * Stops taking jobs, waits for the jobs in progress to finish, and says how many requests and send jobs wait
     * in the store for the next start.
     */
    public Stopped stop() {
        if (closed) {
            return new Stopped(waiting());
        }
        closed = true;
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot stop the scheduler: " + e.getMessage(), e);
        } finally {
            QuartzSettings.Providers.release(dataSource);
        }
        if (started) {
            forgetCheckin();
        }
        return new Stopped(waiting());
    }

    /** Whether the service has stopped taking jobs (a stop puts it in standby first, then waits for jobs in progress). */
    boolean standingBy() {
        try {
            return quartz.isInStandbyMode() || quartz.isShutdown();
        } catch (SchedulerException e) {
            return true;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                quartz.shutdown(started);
            } catch (SchedulerException e) {
                throw new ScheduleException("cannot stop the scheduler: " + e.getMessage(), e);
            } finally {
                QuartzSettings.Providers.release(dataSource);
            }
            if (started) {
                forgetCheckin();
            }
        }
    }

    /** The schedules of the config and of the store, with their next and previous fire times. */
    public List<TriggerInfo> listTriggers() {
        Instant now = clock.instant();
        try {
            Map<String, Trigger> stored = new LinkedHashMap<>();
            for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(SCHEDULE_GROUP))) {
                Trigger t = quartz.getTrigger(key);
                if (t != null) {
                    stored.put(key.getName(), t);
                }
            }
            List<TriggerInfo> out = new ArrayList<>();
            for (Schedule s : schedules.triggers()) {
                Trigger t = stored.remove(s.name());
                if (t == null) {
                    Instant next = FireTimes.nextAfter(FireTimes.cron(s.cron(), s.zone()), now).orElse(null);
                    out.add(info(s, next, null, "not in the store yet: serve adds it"));
                } else {
                    String state = state(t);
                    if (t.getNextFireTime() != null && t.getNextFireTime().toInstant().isBefore(now.minus(schedules.misfireThreshold()))) {
                        state += "; missed: serve catches it up once when it starts";
                    }
                    out.add(info(s, instant(t.getNextFireTime()), instant(t.getPreviousFireTime()),
                            differs(t, s) ? state + "; changed in the config: serve updates it" : state));
                }
            }
            for (Trigger t : stored.values()) {
                JobDataMap d = t.getJobDataMap();
                out.add(new TriggerInfo(t.getKey().getName(), d.getString(JobData.CRON), ZoneId.of(d.getString(JobData.ZONE)),
                        PeriodRule.valueOf(d.getString(JobData.RULE)).configName(), JobData.split(d.getString(JobData.BULLETINS)),
                        instant(t.getNextFireTime()), instant(t.getPreviousFireTime()), state(t) + "; not in the config: serve removes it"));
            }
            return out;
        } catch (SchedulerException | java.text.ParseException e) {
            throw new ScheduleException("cannot read the stored triggers: " + e.getMessage(), e);
        }
    }

    /**
     * Requests and send jobs in the store, soonest first. A job cut off by a service that died is run again under a
     * trigger Quartz adds to its recovery group, with no description: it waits as much as the others, so it is
     * listed too, under its job's description.
     */
    public List<Pending> pending() {
        try {
            List<Pending> out = new ArrayList<>();
            for (String group : List.of(MANUAL_GROUP, BATCH_GROUP, Scheduler.DEFAULT_RECOVERY_GROUP)) {
                for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(group))) {
                    Trigger t = quartz.getTrigger(key);
                    if (t != null) {
                        Trigger.TriggerState s = quartz.getTriggerState(key);
                        out.add(new Pending(description(t),
                                instant(t.getNextFireTime()), s == Trigger.TriggerState.COMPLETE || s == Trigger.TriggerState.BLOCKED
                                ? "running" : word(s)));
                    }
                }
            }
            out.sort(Comparator.comparing(Pending::due, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                    .thenComparing(Pending::description));
            return out;
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot read the stored jobs: " + e.getMessage(), e);
        }
    }

    /** The trigger's description, else its job's (a recovery trigger has none), else the trigger's name. */
    private String description(Trigger t) throws SchedulerException {
        if (t.getDescription() != null) {
            return t.getDescription();
        }
        JobDetail job = quartz.getJobDetail(t.getJobKey());
        return job == null || job.getDescription() == null ? t.getKey().getName()
                : job.getDescription() + " (again: cut off when its service stopped)";
    }

    /**
     * Pauses (or, {@code paused} false, resumes) the schedule {@code name} in the store: a paused schedule does not
     * fire until resumed, in this process or in a serve on the same store; a fire due while it was paused is caught
     * up once at the resume, as a missed fire is. Returns false when the store holds no such schedule.
     */
    public boolean pause(String name, boolean paused) {
        TriggerKey key = new TriggerKey(name, SCHEDULE_GROUP);
        try {
            if (quartz.getTrigger(key) == null) {
                return false;
            }
            if (paused) {
                quartz.pauseTrigger(key);
            } else {
                quartz.resumeTrigger(key);
            }
            return true;
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot " + (paused ? "pause" : "resume") + " the schedule " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /** The services that checked in to the store (QRTZ_SCHEDULER_STATE), alive or not: see {@link ServiceInstance#alive}. */
    public List<ServiceInstance> instances() {
        String sql = "SELECT INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?"
                + " ORDER BY LAST_CHECKIN_TIME DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, QuartzSettings.SCHEDULER_NAME);
            List<ServiceInstance> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ServiceInstance(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), Duration.ofMillis(rs.getLong(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ScheduleException("cannot read the services' check-ins: " + e.getMessage(), e);
        }
    }

    /** The services alive now, by the injected clock. */
    public List<ServiceInstance> aliveInstances() {
        Instant now = clock.instant();
        return instances().stream().filter(i -> i.alive(now)).toList();
    }

    /**
     * Stores a request to send {@code bulletin} of {@code period} now; a running service (this one, or another
     * process on the same store) plans and sends it like a scheduled fire. {@code by} says who asked, for the record.
     */
    public Requested requestRun(String bulletin, Period period, boolean force, String by) {
        return requestRun(List.of(bulletin), period, force, by);
    }

    /**
     * Stores one request for several bulletins of {@code period}: planned as one, so its send jobs carry one request
     * id and the run record shows it as one run.
     */
    public Requested requestRun(List<String> bulletins, Period period, boolean force, String by) {
        for (String bulletin : bulletins) {
            if (!Bulletins.known(bulletin)) {
                throw new IllegalArgumentException("bulletin '" + bulletin + "' is not known; use " + String.join(" or ", Bulletins.ALL));
            }
        }
        String bulletin = JobData.join(bulletins);
        Instant now = clock.instant();
        String id = "request-" + UUID.randomUUID();
        String description = "request " + String.join("+", bulletins) + " " + period.key() + (force ? " (force)" : "");
        try {
            if (!quartz.checkExists(REQUEST_PLAN)) {
                try {
                    quartz.addJob(JobBuilder.newJob(PlanJob.class).withIdentity(REQUEST_PLAN)
                            .withDescription("plan of requests").storeDurably().requestRecovery().build(), false);
                } catch (ObjectAlreadyExistsException raced) {
                    // another process added it first
                }
            }
            quartz.scheduleJob(TriggerBuilder.newTrigger()
                    .withIdentity(id, MANUAL_GROUP)
                    .forJob(REQUEST_PLAN)
                    .withDescription(description)
                    .startAt(Date.from(now))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .usingJobData(JobData.BULLETINS, bulletin)
                    .usingJobData(JobData.PERIOD, JobData.periodText(period))
                    .usingJobData(JobData.FORCE, Boolean.toString(force))
                    .usingJobData(JobData.CAUSE, "requested by " + by + " at " + WHEN.format(now.atZone(clock.getZone())))
                    .build());
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot store the request: " + e.getMessage(), e);
        }
        return new Requested(id, aliveInstances());
    }

    private JobDetail planJob(Schedule s) {
        return JobBuilder.newJob(PlanJob.class).withIdentity(s.name(), SCHEDULE_GROUP)
                .withDescription("plan of schedule " + s.name()).storeDurably().requestRecovery().build();
    }

    private static CronTrigger trigger(Schedule s, Instant startAt, Date previousFire) {
        CronTrigger t = TriggerBuilder.newTrigger()
                .withIdentity(s.name(), SCHEDULE_GROUP)
                .forJob(s.name(), SCHEDULE_GROUP)
                .withDescription("schedule " + s.describe())
                .startAt(Date.from(startAt))
                .withSchedule(CronScheduleBuilder.cronSchedule(s.cron()).inTimeZone(TimeZone.getTimeZone(s.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .usingJobData(JobData.SCHEDULE, s.name())
                .usingJobData(JobData.CRON, s.cron())
                .usingJobData(JobData.ZONE, s.zone().getId())
                .usingJobData(JobData.RULE, s.rule().name())
                .usingJobData(JobData.BULLETINS, JobData.join(s.bulletins()))
                .build();
        if (previousFire != null) {
            ((OperableTrigger) t).setPreviousFireTime(previousFire);
        }
        return t;
    }

    private static boolean differs(Trigger stored, Schedule s) {
        if (!(stored instanceof CronTrigger c)) {
            return true;
        }
        JobDataMap d = stored.getJobDataMap();
        return !c.getCronExpression().equalsIgnoreCase(s.cron())
                || !s.cron().equals(d.getString(JobData.CRON))
                || !c.getTimeZone().getID().equals(s.zone().getId())
                || !s.zone().getId().equals(d.getString(JobData.ZONE))
                || c.getMisfireInstruction() != CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW
                || !s.rule().name().equals(d.getString(JobData.RULE))
                || !JobData.join(s.bulletins()).equals(d.getString(JobData.BULLETINS));
    }

    private TriggerInfo info(Schedule s, Instant next, Instant previous, String state) {
        return new TriggerInfo(s.name(), s.cron(), s.zone(), s.rule().configName(), s.bulletins(), next, previous, state);
    }

    private String state(Trigger t) throws SchedulerException {
        return word(quartz.getTriggerState(t.getKey()));
    }

    private static String word(Trigger.TriggerState s) {
        return switch (s) {
            case NORMAL -> "waiting";
            case PAUSED -> "paused";
            case BLOCKED -> "running";
            case COMPLETE -> "complete";
            case ERROR -> "error";
            case NONE -> "gone";
        };
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private int waiting() {
        String sql = "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND TRIGGER_GROUP IN (?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, QuartzSettings.SCHEDULER_NAME);
            ps.setString(2, MANUAL_GROUP);
            ps.setString(3, BATCH_GROUP);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new ScheduleException("cannot count the jobs left in the store: " + e.getMessage(), e);
        }
    }

    /**
     * A stopped service removes its check-in at once, so that {@code trigger} does not take it for running. Should a
     * job of it still be marked as fired (it was not: shutdown waited), another instance recovers it as an orphan.
     */
    private void forgetCheckin() {
        String sql = "DELETE FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            ps.setString(1, QuartzSettings.SCHEDULER_NAME);
            ps.setString(2, instanceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new ScheduleException("cannot remove the service's check-in: " + e.getMessage(), e);
        }
    }

    /** Reports each job's start and end to the {@link SchedulerEvents}; a listener failing never stops a job. */
    private record Events(SchedulerEvents events, Clock clock) implements JobListener {
        private static final String STARTED = "bantin.started";

        @Override
        public String getName() {
            return "bantin-events";
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
            context.put(STARTED, clock.instant());
            try {
                events.started(describe(context));
            } catch (RuntimeException ignored) {
                // printing must not stop a job
            }
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {
            // no trigger listener vetoes
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
            Instant started = (Instant) context.get(STARTED);
            Duration took = started == null ? Duration.ZERO : Duration.between(started, clock.instant());
            try {
                events.finished(describe(context), took, context.getResult() == null ? null : context.getResult().toString(),
                        e == null ? null : e.getMessage());
            } catch (RuntimeException ignored) {
                // printing must not stop a job
            }
        }

        private static String describe(JobExecutionContext context) {
            String d = context.getTrigger().getDescription();
            if (d == null) {
                d = context.getJobDetail().getDescription();
            }
            return context.isRecovering() ? d + " (re-run after an interrupted run)" : d;
        }
    }
}
