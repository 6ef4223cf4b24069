package vn.bantin.store;

import java.time.Instant;

/** One row of the delivery ledger as stored; {@code runId} is the last run that claimed it (null if none did). */
public record DeliveryRow(long id, DeliveryKey key, String unitCode, DeliveryStatus status, int attempts, String lastError,
                         String messageId, Instant updatedAt, Long runId) {}
