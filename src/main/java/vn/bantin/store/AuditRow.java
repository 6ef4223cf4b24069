package vn.bantin.store;

import java.time.Instant;

/** One line of the audit trail: who did what, when, with what details. */
public record AuditRow(long id, Instant at, String actor, String action, String details) {}
