package vn.bantin.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The job of a schedule's trigger and of a manual request: it works out the period and the recipients' batches
 * ({@link Plan}) and stores one {@link SendBatchJob} per batch, all in one transaction, to run now on whichever
 * service instance takes them. It sends nothing itself.
 *
 * <p>Not concurrent: two fires of the same plan job (a late catch-up meeting the next fire) plan one after the
 * other, so the second sees the first's send jobs.
 */
@DisallowConcurrentExecution
public final class PlanJob implements Job {
    private final RecipientSource recipients;
    private final int batchSize;

    PlanJob(RecipientSource recipients, int batchSize) {
        this.recipients = recipients;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        Plan plan = data.containsKey(JobData.RULE)
                ? Plan.ofSchedule(data, context.getScheduledFireTime().toInstant(), context.isRecovering())
                : Plan.ofRequest(requestId(context), data);
        List<Plan.Batch> batches = plan.batches(recipients, batchSize);
        Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
        for (Plan.Batch b : batches) {
            JobDetail job = JobBuilder.newJob(SendBatchJob.class)
                    .withIdentity(b.jobName(), BulletinScheduler.BATCH_GROUP)
                    .withDescription(b.describe())
                    .storeDurably(false)
                    .requestRecovery(true)
                    .usingJobData(JobData.BULLETIN, b.bulletin())
                    .usingJobData(JobData.PERIOD, JobData.periodText(b.period()))
                    .usingJobData(JobData.RECIPIENTS, JobData.join(b.recipients()))
                    .usingJobData(JobData.FORCE, Boolean.toString(b.force()))
                    .usingJobData(JobData.CAUSE, b.cause())
                    .usingJobData(JobData.BATCH, b.index() + "/" + b.total())
                    .usingJobData(JobData.REQUEST, b.planId())
                    .build();
            Trigger now = TriggerBuilder.newTrigger()
                    .withIdentity(b.jobName(), BulletinScheduler.BATCH_GROUP)
                    .withDescription(b.describe())
                    .startAt(context.getFireTime())
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            jobs.put(job, Set.of(now));
        }
        String summary = Plan.summary(plan, batches);
        try {
            if (!jobs.isEmpty()) {
                context.getScheduler().scheduleJobs(jobs, false);
            }
            context.setResult(summary);
        } catch (ObjectAlreadyExistsException e) {
            context.setResult("already planned, not again: " + summary);
        } catch (SchedulerException e) {
            throw new JobExecutionException("could not store the send jobs of " + plan.id() + ": " + e.getMessage(), e, false);
        }
    }

    /** A request's id is its trigger's name; a re-run after a crash carries the original trigger's name. */
    private static String requestId(JobExecutionContext context) {
        Object original = context.getMergedJobDataMap().get(org.quartz.Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_NAME);
        return original != null ? original.toString() : context.getTrigger().getKey().getName();
    }
}
