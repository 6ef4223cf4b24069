package vn.bantin.sample;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/** Draws plan entries (one per unit) with probability proportional to their 2022 volume. */
final class UnitDraw<T> {

    private final List<T> entries;
    private final long[] cumulative;

    UnitDraw(List<T> entries, ToIntFunction<T> volume) {
        this.entries = entries;
        this.cumulative = new long[entries.size()];
        long running = 0;
        for (int i = 0; i < entries.size(); i++) {
            running += volume.applyAsInt(entries.get(i));
            cumulative[i] = running;
        }
    }

    T next(Dice dice) {
        long target = (long) (dice.unit() * cumulative[cumulative.length - 1]);
        int found = Arrays.binarySearch(cumulative, target + 1);
        int index = found >= 0 ? found : -found - 1;
        while (index > 0 && cumulative[index - 1] == cumulative[index]) {
            index--; // an exact hit may land on a unit of volume 0 after the one it belongs to
        }
        return entries.get(index);
    }
}
