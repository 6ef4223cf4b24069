package vn.bantin.source;

import java.util.List;

/** Too many rows of some file were rejected: no bulletin is made from it. The message carries the report. */
public final class QualityGateException extends RuntimeException {
    private final transient List<QualityGate.Breach> breaches;

    public QualityGateException(String message, List<QualityGate.Breach> breaches) {
        super(message);
        this.breaches = List.copyOf(breaches);
    }

    public List<QualityGate.Breach> breaches() {
        return breaches;
    }
}
