package vn.bantin.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import vn.bantin.config.Organisation;

/**
 * What a bulletin shows besides the figures: who issues it, when, and what data it was computed from.
 * {@code decision766}: the Decision 766 scores, official scores and reconciliation; null when the exports carry no 766
 * column (the 2022-style bulletin). {@code newLevels}: the catalogue names its levels as Decree 42/2022 does, so every
 * bulletin says "một phần / toàn trình" instead of "mức độ 3, 4". {@code docNumber}: the document's running number from
 * the store, null when the clerk writes it by hand. {@code made}: when the run made it, with its offset, for the signing
 * line; null reads {@code dataReadAt} as Vietnam's time.
 */
public record BulletinContext(Organisation organisation, LocalDate issued, LocalDateTime dataReadAt,
                              List<SourceSummary> sources, vn.bantin.indicator.Bulletin766 decision766, boolean newLevels,
                              Integer docNumber, java.time.OffsetDateTime made) {

    public BulletinContext(Organisation organisation, LocalDate issued, LocalDateTime dataReadAt, List<SourceSummary> sources) {
        this(organisation, issued, dataReadAt, sources, null, false);
    }

    public BulletinContext(Organisation organisation, LocalDate issued, LocalDateTime dataReadAt, List<SourceSummary> sources,
                           vn.bantin.indicator.Bulletin766 decision766) {
        this(organisation, issued, dataReadAt, sources, decision766, false);
    }

    public BulletinContext(Organisation organisation, LocalDate issued, LocalDateTime dataReadAt, List<SourceSummary> sources,
                           vn.bantin.indicator.Bulletin766 decision766, boolean newLevels) {
        this(organisation, issued, dataReadAt, sources, decision766, newLevels, null, null);
    }

    public BulletinContext with766(vn.bantin.indicator.Bulletin766 decision766) {
        return new BulletinContext(organisation, issued, dataReadAt, sources, decision766, newLevels, docNumber, made);
    }

    /** The same, worded for a catalogue with ({@code true}) or without the levels of Decree 42/2022. */
    public BulletinContext withNewLevels(boolean newLevels) {
        return new BulletinContext(organisation, issued, dataReadAt, sources, decision766, newLevels, docNumber, made);
    }

    public BulletinContext withDocNumber(Integer docNumber) {
        return new BulletinContext(organisation, issued, dataReadAt, sources, decision766, newLevels, docNumber, made);
    }

    /** {@code dataReadAt} placed in {@code zone}, the zone of the run's clock. */
    public BulletinContext madeIn(java.time.ZoneId zone) {
        return new BulletinContext(organisation, issued, dataReadAt, sources, decision766, newLevels, docNumber,
                dataReadAt.atZone(zone).toOffsetDateTime());
    }
}
