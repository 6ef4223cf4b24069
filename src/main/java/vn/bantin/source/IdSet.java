package vn.bantin.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ids seen so far in one file, exactly. Platform ids are nearly always a prefix and a sequence number
 * ({@code VB22-0000001}): those are held as bits, 64 numbers of one prefix to a table entry, so 20 million
 * of them take 8 MiB instead of a String each. Any other id is kept as it is.
 */
final class IdSet {
    /** Numbers of up to 15 digits fit below 2⁵⁰, which leaves the key's top bits for the prefix. */
    private static final int MAX_DIGITS = 15;
    private static final int WORD_BITS = 44;
    private static final int MAX_PREFIXES = (1 << (64 - WORD_BITS)) - 1;

    /** Prefix and digit count → its number (from 1), so that "A01" and "A1" stay different ids. */
    private final Map<String, Integer> prefixes = new HashMap<>();
    private final List<String> prefixNames = new ArrayList<>();
    private final Set<String> others = new HashSet<>();
    private long[] keys = new long[1 << 10];
    private long[] bits = new long[1 << 10];
    private int size;
    /** The last id's prefix, looked up again only when it changes. */
    private String lastPrefix = "";
    private int lastWidth = -1;
    private int lastPrefixId;

    /** Adds the id; false when it was already there. */
    boolean add(String id) {
        int width = trailingDigits(id);
        if (width == 0 || width > MAX_DIGITS) {
            return others.add(id);
        }
        int cut = id.length() - width;
        int prefixId = prefixId(id, cut, width);
        if (prefixId < 0) {
            return others.add(id);
        }
        long number = Long.parseLong(id, cut, id.length(), 10);
        long key = ((long) prefixId << WORD_BITS) | (number >>> 6);
        long bit = 1L << (number & 63);
        int slot = slot(key);
        long word = bits[slot];
        if ((word & bit) != 0) {
            return false;
        }
        if (keys[slot] == 0) {
            keys[slot] = key;
            if (++size * 4 > keys.length * 3) {
                bits[slot] = bit;
                grow();
                return true;
            }
        }
        bits[slot] = word | bit;
        return true;
    }

    /** Bytes held by the tables (not counting ids kept whole), for the memory test. */
    long tableBytes() {
        return 16L * keys.length;
    }

    private int prefixId(String id, int cut, int width) {
        if (width == lastWidth && cut == lastPrefix.length() && id.startsWith(lastPrefix)) {
            return lastPrefixId;
        }
        String prefix = id.substring(0, cut);
        String name = width + ":" + prefix;
        Integer known = prefixes.get(name);
        if (known == null) {
            if (prefixNames.size() >= MAX_PREFIXES) {
                return -1;
            }
            prefixNames.add(name);
            known = prefixNames.size();
            prefixes.put(name, known);
        }
        lastPrefix = prefix;
        lastWidth = width;
        lastPrefixId = known;
        return known;
    }

    private static int trailingDigits(String id) {
        int i = id.length();
        while (i > 0 && id.charAt(i - 1) >= '0' && id.charAt(i - 1) <= '9') {
            i--;
        }
        return id.length() - i;
    }

    /** The slot that holds the key, or the empty one where it goes (keys are never 0: prefix ids start at 1). */
    private int slot(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldBits = bits;
        keys = new long[oldKeys.length * 2];
        bits = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                bits[s] = oldBits[i];
            }
        }
    }

    private static int mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }
}
