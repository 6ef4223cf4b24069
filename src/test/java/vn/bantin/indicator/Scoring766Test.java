package vn.bantin.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The points rule and the bands of spec indicators-766 §6, with its worked example (§7). */
class Scoring766Test {
    private static final Scoring766 RULE = Scoring766.defaults();

    @Test
    void theWorkedExampleOfTheSpec() {
        assertEquals(18.7143, RULE.score(Item766.ON_TIME, 131, 140), 1e-4);
        assertEquals(5.3333, RULE.score(Item766.PAID_ONLINE_DOSSIERS, 12, 45), 1e-4);
        assertEquals(2, RULE.score(Item766.PAYMENT_INTEGRATED, 9, 10), 0);
        assertEquals(1.1111, RULE.score(Item766.PAYMENT_TRANSACTIONS, 4, 9), 1e-4);
    }

    @Test
    void exactlyAtTheThresholdGivesFullPoints() {
        // 30% of 10 is 3: exact, whatever binary fractions would make of 3/10 x 100.
        assertEquals(6, RULE.score(Item766.PAID_ONLINE_DOSSIERS, 3, 10), 0);
        assertEquals(2, RULE.score(Item766.REUSED, 4, 5), 0);
        assertEquals(79.0 / 80 * 2, RULE.score(Item766.REUSED, 79, 100), 1e-12);
    }

    @Test
    void bandsAreReadFromTheDisplayedValue() {
        assertEquals(Scoring766.Band.XUAT_SAC, RULE.band(89.995)); // shown as 90,00
        assertEquals(Scoring766.Band.TOT, RULE.band(89.994));
        assertEquals(Scoring766.Band.KHA, RULE.band(70));
        assertEquals(Scoring766.Band.TRUNG_BINH, RULE.band(50));
        assertEquals(Scoring766.Band.YEU, RULE.band(49.99));
    }

    /** Points never exceed P, never fall below 0, and never fall as the share rises. */
    @Property(tries = 500)
    void pointsAreBoundedAndMonotone(@ForAll @IntRange(min = 1, max = 500) int denominator,
                                     @ForAll @IntRange(min = 0, max = 500) int a, @ForAll @IntRange(min = 0, max = 500) int b) {
        int lo = Math.min(a, b) % (denominator + 1);
        int hi = Math.max(a, b) % (denominator + 1);
        if (lo > hi) {
            int t = lo;
            lo = hi;
            hi = t;
        }
        for (Item766 item : Item766.values()) {
            if (!RULE.scored(item)) {
                continue;
            }
            double pLo = RULE.score(item, lo, denominator);
            double pHi = RULE.score(item, hi, denominator);
            assertEquals(true, pLo >= 0 && pHi <= RULE.points(item) + 1e-9 && pLo <= pHi + 1e-12, item.id());
        }
    }
}
