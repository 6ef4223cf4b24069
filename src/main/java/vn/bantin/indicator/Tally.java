package vn.bantin.indicator;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts of one period, built row by row so that memory grows with units and categories,
 * never with rows. Rows outside the period are ignored here, not rejected.
 */
public final class Tally {
    private final Period period;
    private final Map<String, DocumentCount> documents = new HashMap<>();
    private final Map<String, ProcedureCount> procedures = new HashMap<>();
    private final Map<String, DossierCount> dossiers = new HashMap<>();
    private final Map<String, FeedbackCount> feedbackByLocality = new HashMap<>();
    private final Map<String, Long> categories = new HashMap<>();
    private long documentsInPeriod, dossiersInPeriod, feedbackInPeriod;

    /** Rows that fell in the period, per source: a bulletin of nothing but zeros is refused on these. */
    public record RowsInPeriod(long documents, long dossiers, long feedback) {}

    private final java.util.function.UnaryOperator<String> credit;

    public Tally(Period period) {
        this(period, java.util.function.UnaryOperator.identity());
    }

    /** {@code credit}: the code a record's unit counts under (a merged unit's predecessors → the merged unit). */
    public Tally(Period period, java.util.function.UnaryOperator<String> credit) {
        this.period = period;
        this.credit = credit;
    }

    public Period period() {
        return period;
    }

    public void add(Document d) {
        if (!period.contains(d.date())) {
            return;
        }
        documentsInPeriod++;
        DocumentCount c = documents.computeIfAbsent(credit.apply(d.unit()), k -> new DocumentCount());
        if (d.direction() == Document.Direction.IN) {
            c.incoming++;
        } else {
            c.outgoing++;
            if (d.qualifying()) {
                c.qualifying++;
            }
        }
    }

    /** An empty tally of the same period, crediting units the same way: for rows read on another thread. */
    public Tally emptyLike() {
        return new Tally(period, credit);
    }

    /**
     * Adds the document counts of {@code part}, a tally of the same period that was given documents only (read on a
     * thread of their own, while this one took the other exports).
     */
    public void addDocuments(Tally part) {
        if (!part.period.equals(period)) {
            throw new IllegalArgumentException("documents of " + part.period + " added to a tally of " + period);
        }
        documentsInPeriod += part.documentsInPeriod;
        part.documents.forEach((unit, c) -> {
            DocumentCount mine = documents.computeIfAbsent(unit, k -> new DocumentCount());
            mine.incoming += c.incoming;
            mine.outgoing += c.outgoing;
            mine.qualifying += c.qualifying;
        });
    }

    /** Procedures are a snapshot of the catalogue: every row counts, whatever the period. */
    public void add(Procedure p) {
        ProcedureCount c = procedures.computeIfAbsent(credit.apply(p.unit()), k -> new ProcedureCount());
        c.total++;
        if (p.online()) {
            c.online++;
        }
    }

    public void add(Dossier d) {
        DossierCount c = null;
        if (period.contains(d.received())) {
            dossiersInPeriod++;
            c = dossiers.computeIfAbsent(credit.apply(d.unit()), k -> new DossierCount());
            c.received++;
            if (d.channel() == Dossier.Channel.ONLINE) {
                c.online++;
            }
        }
        if (period.contains(d.finished()) && d.due() != null) {
            if (c == null) {
                c = dossiers.computeIfAbsent(credit.apply(d.unit()), k -> new DossierCount());
            }
            c.finishedWithDue++;
            if (!d.finished().isAfter(d.due())) {
                c.onTime++;
            }
        }
    }

    /** {@code locality} must already be rolled up to the locality level. */
    public void add(Feedback f, String locality) {
        if (!period.contains(f.received())) {
            return;
        }
        feedbackInPeriod++;
        FeedbackCount c = feedbackByLocality.computeIfAbsent(credit.apply(locality), k -> new FeedbackCount());
        c.received++;
        if (f.status() == Feedback.Status.PROCESSED) {
            c.processed++;
        }
        if (f.rating() != null) {
            c.ratingSum += f.rating();
            c.ratingCount++;
        }
        categories.merge(f.category(), 1L, Long::sum);
    }

    public RowsInPeriod rowsInPeriod() {
        return new RowsInPeriod(documentsInPeriod, dossiersInPeriod, feedbackInPeriod);
    }

    DocumentCount documents(String unit) {
        return documents.getOrDefault(unit, DocumentCount.NONE);
    }

    ProcedureCount procedures(String unit) {
        return procedures.getOrDefault(unit, ProcedureCount.NONE);
    }

    DossierCount dossiers(String unit) {
        return dossiers.getOrDefault(unit, DossierCount.NONE);
    }

    Map<String, FeedbackCount> feedbackByLocality() {
        return feedbackByLocality;
    }

    Map<String, Long> categories() {
        return categories;
    }

    static final class DocumentCount {
        static final DocumentCount NONE = new DocumentCount();
        long incoming, outgoing, qualifying;
    }

    static final class ProcedureCount {
        static final ProcedureCount NONE = new ProcedureCount();
        long total, online;
    }

    static final class DossierCount {
        static final DossierCount NONE = new DossierCount();
        long received, online, finishedWithDue, onTime;
    }

    static final class FeedbackCount {
        long received, processed, ratingSum, ratingCount;
    }
}
