package vn.bantin.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdSetTest {
    @Test
    void findsEveryRepeatAcrossGrowth() {
        IdSet ids = new IdSet();
        for (int i = 0; i < 300_000; i++) {
            assertTrue(ids.add("HS-" + i), "first time " + i);
        }
        for (int i = 0; i < 300_000; i += 7) {
            assertFalse(ids.add("HS-" + i), "repeat " + i);
        }
        assertTrue(ids.add("HS-300000"));
    }

    @Test
    void idsThatDifferOnlyInZerosPrefixOrFormAreDifferent() {
        IdSet ids = new IdSet();
        for (String id : new String[] {"A1", "A01", "A001", "B1", "1", "01", "A", "", "AB1", "A-1", "Á1", "A1x",
                "A1234567890123456", "A01234567890123456", "x9", "x09", "9x9"}) {
            assertTrue(ids.add(id), id);
        }
        for (String id : new String[] {"A1", "A01", "A001", "B1", "1", "01", "A", "", "AB1", "A-1", "Á1", "A1x",
                "A1234567890123456", "A01234567890123456", "x9", "x09", "9x9"}) {
            assertFalse(ids.add(id), id);
        }
    }

    /** Exactly what a HashSet of the strings says, for random ids of many prefixes, widths and sparse numbers. */
    @Test
    void agreesWithAnExactSetOnRandomIds() {
        Random random = new Random(17);
        IdSet ids = new IdSet();
        Set<String> exact = new HashSet<>();
        String[] prefixes = {"VB22-", "HS", "", "PAKN-2022-", "X"};
        for (int i = 0; i < 400_000; i++) {
            String p = prefixes[random.nextInt(prefixes.length)];
            long n = random.nextInt(4) == 0 ? random.nextLong() & 0xFFFFFFFFFFFFL : random.nextInt(200_000);
            String digits = Long.toString(n);
            if (random.nextInt(10) == 0) {
                digits = "0" + digits;
            }
            String id = p + digits;
            assertTrue(exact.add(id) == ids.add(id), id);
        }
    }

    /** 20 million sequential ids, the size of a large province's year of documents, in a few MiB. */
    @Test
    void sequentialIdsTakeAFewMebibytes() {
        IdSet ids = new IdSet();
        for (int i = 1; i <= 20_000_000; i++) {
            ids.add((i <= 10_000_000 ? "VB22-" : "VB23-") + pad(i));
        }
        assertFalse(ids.add("VB23-" + pad(20_000_000)));
        assertFalse(ids.add("VB22-" + pad(1)));
        assertTrue(ids.tableBytes() <= 8L << 20, ids.tableBytes() + " bytes");
    }

    private static String pad(int i) {
        String s = Integer.toString(i);
        return "0".repeat(Math.max(0, 8 - s.length())) + s;
    }
}
