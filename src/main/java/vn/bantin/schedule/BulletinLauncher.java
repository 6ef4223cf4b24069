package vn.bantin.schedule;

/**
 * What a send job calls: one bulletin of one period to one batch of recipients, through the same code path as the
 * CLI's {@code run}. It may be called again for a batch it already sent (a crash re-run, a catch-up, a manual
 * request): the delivery ledger behind it makes that safe. An exception fails the send job (serve prints it); the
 * job is not retried by the scheduler.
 */
@FunctionalInterface
public interface BulletinLauncher {
    void launch(BulletinRequest request) throws Exception;
}
