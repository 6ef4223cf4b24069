package vn.bantin.schedule;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Gives the jobs what they call: the plan job its recipients and batch size, the send job the launcher. */
record BulletinJobFactory(RecipientSource recipients, int batchSize, BulletinLauncher launcher) implements JobFactory {

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type == PlanJob.class) {
            return new PlanJob(recipients, batchSize);
        }
        if (type == SendBatchJob.class) {
            return new SendBatchJob(launcher);
        }
        throw new SchedulerException("the store holds a job of class " + type.getName() + ", which bantin does not run");
    }
}
