package vn.bantin.source;

/** Where rejected rows go (the run's {@code rejects.csv}). */
@FunctionalInterface
public interface RejectSink {
    void reject(Reject reject);
}
