package vn.bantin.schedule;

import java.util.ArrayList;
import java.util.List;

/** Cuts a recipient list into batches of at most {@code size}, in order. */
public final class Batches {
    private Batches() {
    }

    public static List<List<String>> split(List<String> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size " + size + " is not positive");
        }
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            out.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return out;
    }
}
