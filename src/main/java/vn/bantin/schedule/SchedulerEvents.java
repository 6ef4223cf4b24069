package vn.bantin.schedule;

import java.time.Duration;

/** Told when the service starts and finishes a job, so that {@code serve} can print one line for each. */
public interface SchedulerEvents {

    SchedulerEvents NONE = new SchedulerEvents() {
        @Override
        public void started(String job) {
        }

        @Override
        public void finished(String job, Duration took, String result, String error) {
        }
    };

    /** {@code job} describes it, e.g. "send province 2022-12 batch 1/3 (50 recipients)". */
    void started(String job);

    /** {@code result} is what it did (may be null); {@code error} is null when it went well. */
    void finished(String job, Duration took, String result, String error);
}
