package vn.bantin.report;

/**
 * One source file in the data-quality note: {@code file} as read, {@code source} the contract's name for it
 * ({@code documents}), which names its platform in the labels ({@code source.documents.system}).
 */
public record SourceSummary(String file, String source, long rowsRead, long rowsCounted, long rowsRejected) {}
