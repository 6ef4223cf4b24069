package vn.bantin.store;

import java.time.Instant;

/**
 * One row of the delivery ledger as stored; {@code runId} is the last run that claimed it (null if none did);
 * {@code sentBy} the node (pid@host) whose sender the server accepted it from (null until sent, and for rows sent
 * before nodes were recorded).
 */
public record DeliveryRow(long id, DeliveryKey key, String unitCode, DeliveryStatus status, int attempts, String lastError,
                         String messageId, Instant updatedAt, Long runId, String sentBy) {}
