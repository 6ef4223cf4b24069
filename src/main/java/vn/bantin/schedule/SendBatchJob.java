package vn.bantin.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import vn.bantin.indicator.Period;

/**
 * One batch of one bulletin: hands it to the {@link BulletinLauncher} (the same code path as {@code run}) and
 * nothing else. Its job is stored with "requests recovery", so a batch cut off by a crash runs again when a service
 * starts; the ledger behind the launcher skips what was already sent.
 *
 * <p>Not concurrent: should a recovery start it while an instance wrongly taken for dead still runs it, the two
 * do not send side by side.
 */
@DisallowConcurrentExecution
public final class SendBatchJob implements Job {
    private final BulletinLauncher launcher;

    SendBatchJob(BulletinLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap d = context.getMergedJobDataMap();
        String[] batch = d.getString(JobData.BATCH).split("/");
        Plan.Batch b = new Plan.Batch(context.getJobDetail().getKey().getName(), d.getString(JobData.BULLETIN),
                Period.parse(d.getString(JobData.PERIOD)), JobData.split(d.getString(JobData.RECIPIENTS)),
                Integer.parseInt(batch[0]), Integer.parseInt(batch[1]), Boolean.parseBoolean(d.getString(JobData.FORCE)),
                d.getString(JobData.CAUSE),
                // A send job stored by a version before the request's id was kept: its job name is unique all the same.
                d.containsKey(JobData.REQUEST) ? d.getString(JobData.REQUEST) : context.getJobDetail().getKey().getName());
        try {
            launcher.launch(b.request(context.isRecovering()));
        } catch (RetryLater later) {
            retry(context, b, later);
        } catch (Exception e) {
            throw new JobExecutionException(b.describe() + " failed: " + e.getMessage(), e, false);
        }
    }

    /** The same job again after a while, counting its retries in the trigger's data; past the limit it fails. */
    private static void retry(JobExecutionContext context, Plan.Batch b, RetryLater later) throws JobExecutionException {
        int retries = context.getTrigger().getJobDataMap().containsKey(RETRIES)
                ? Integer.parseInt(context.getTrigger().getJobDataMap().getString(RETRIES)) : 0;
        if (retries >= later.maxRetries()) {
            throw new JobExecutionException(b.describe() + " gave up after " + retries + " retries: " + later.getMessage(), later, false);
        }
        java.util.Date at = java.util.Date.from(java.time.Instant.now().plus(later.after()));
        org.quartz.Trigger again = org.quartz.TriggerBuilder.newTrigger()
                .withIdentity(context.getTrigger().getKey().getName() + "-retry" + (retries + 1), context.getTrigger().getKey().getGroup())
                .forJob(context.getJobDetail().getKey()).usingJobData(RETRIES, Integer.toString(retries + 1)).startAt(at).build();
        try {
            context.getScheduler().scheduleJob(again);
        } catch (org.quartz.SchedulerException e) {
            throw new JobExecutionException(b.describe() + " could not be scheduled again: " + e.getMessage(), e, false);
        }
        throw new JobExecutionException(b.describe() + " to be tried again at " + at + " (retry " + (retries + 1) + " of "
                + later.maxRetries() + "): " + later.getMessage(), later, false);
    }

    private static final String RETRIES = "retries";
}
