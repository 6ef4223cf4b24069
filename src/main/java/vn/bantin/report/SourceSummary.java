package vn.bantin.report;

/** One source file in the data-quality note. */
public record SourceSummary(String file, String system, long rowsRead, long rowsCounted, long rowsRejected) {}
