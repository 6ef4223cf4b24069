package vn.bantin.report;

import java.time.Duration;
import java.util.Set;

/**
 * What one bulletin's fill may spend and reach: at most {@code maxPages} pages, at most {@code fillTimeout} of time,
 * and resources over the network only from {@code allowedHosts} (empty: none). Templates are code written by editors,
 * so a mistake or a hostile edit costs one bulletin, never the service.
 */
public record TemplateLimits(int maxPages, Duration fillTimeout, Set<String> allowedHosts) {

    /** Sized for the bulletins as shipped (the province bulletin has a handful of pages and fills in about a second). */
    public static final TemplateLimits DEFAULT = new TemplateLimits(100, Duration.ofMinutes(1), Set.of());

    public TemplateLimits {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be 1 or more");
        }
        if (fillTimeout.isNegative() || fillTimeout.isZero()) {
            throw new IllegalArgumentException("fillTimeout must be positive");
        }
        allowedHosts = Set.copyOf(allowedHosts);
    }
}
