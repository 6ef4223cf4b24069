package vn.bantin.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One run as recorded: what was asked ({@code bulletin}, the period), what it read and with which templates (file
 * name to checksum), how it ended. {@code finishedAt} and {@code message} are null while it runs.
 */
public record RunRow(long id, String bulletin, String periodKey, LocalDate periodStart, LocalDate periodEnd,
                     RunStatus status, Instant startedAt, Instant finishedAt, Map<String, String> templateHashes,
                     Map<String, String> inputChecksums, String message) {

    public RunRow {
        templateHashes = Map.copyOf(templateHashes);
        inputChecksums = Map.copyOf(inputChecksums);
    }
}
