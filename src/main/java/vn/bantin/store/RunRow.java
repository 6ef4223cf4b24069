package vn.bantin.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One run as recorded: what was asked ({@code bulletin}, the period), what it read and with which templates (file
 * name to checksum), how it ended. {@code finishedAt}, {@code message} and {@code totals} are null while it runs.
 * {@code requestId} groups the runs of one request (the service's batches; a CLI run is a request of its own);
 * {@code cause} says who asked; {@code node} is the process that ran it (pid@host; null for a row without one).
 */
public record RunRow(long id, String bulletin, String periodKey, LocalDate periodStart, LocalDate periodEnd,
                     RunStatus status, Instant startedAt, Instant finishedAt, Map<String, String> templateHashes,
                     Map<String, String> inputChecksums, String message, String requestId, String cause, RunTotals totals,
                     String node) {

    public RunRow {
        templateHashes = Map.copyOf(templateHashes);
        inputChecksums = Map.copyOf(inputChecksums);
    }

    /** The request this run belongs to: its own when it was recorded without one. */
    public String request() {
        return requestId == null ? "run-" + id : requestId;
    }
}
