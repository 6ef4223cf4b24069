package vn.bantin.source;

import java.util.Arrays;

/**
 * Ids seen so far in one file, kept as 64-bit hashes in an open-addressing table: 16 bytes per row at most
 * instead of a String and a map entry, so that 2 million ids fit in a 256 MB heap. Two different ids share
 * a hash with odds of about n²/2⁶⁵ (1 in 10 million at 2 million rows).
 */
final class IdSet {
    private static final long EMPTY = 0L;
    private long[] slots = new long[1 << 16];
    private int size;
    private boolean hasZero;

    /** Adds the id; false when it was already there. */
    boolean add(String id) {
        long h = hash(id);
        if (h == EMPTY) {
            boolean first = !hasZero;
            hasZero = true;
            return first;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        boolean added = insert(slots, h);
        if (added) {
            size++;
        }
        return added;
    }

    private boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.stream(old).filter(h -> h != EMPTY).forEach(h -> insert(slots, h));
    }

    /** FNV-1a over the UTF-16 code units, then a finalising mix so that similar ids spread over the table. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
