package vn.bantin.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
