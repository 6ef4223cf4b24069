package vn.bantin.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import vn.bantin.config.Organisation;

/** What a bulletin shows besides the figures: who issues it, when, and what data it was computed from. */
public record BulletinContext(Organisation organisation, LocalDate issued, LocalDateTime dataReadAt,
                              List<SourceSummary> sources) {}
