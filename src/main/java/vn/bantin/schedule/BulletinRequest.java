package vn.bantin.schedule;

import java.util.List;

import vn.bantin.indicator.Period;

/**
 * One send job's work: {@code bulletin} ({@code province} or {@code unit}) of {@code period} for the recipients of
 * {@code recipientBatch} (as {@link RecipientSource} names them: lower-case addresses, as {@code RunRequest.emails}),
 * {@code force} as {@code run --force} (make the bulletin even when the exports do not reach the period's end), and
 * {@code cause}: why it runs (schedule and fire time, manual request, re-run after a crash), for the record and the log.
 */
public record BulletinRequest(String bulletin, Period period, List<String> recipientBatch, boolean force, String cause,
                              String requestId) {

    public BulletinRequest {
        recipientBatch = List.copyOf(recipientBatch);
    }

    /** A request of its own (not one of a plan's batches). */
    public BulletinRequest(String bulletin, Period period, List<String> recipientBatch, boolean force, String cause) {
        this(bulletin, period, recipientBatch, force, cause, null);
    }
}
