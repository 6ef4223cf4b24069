package vn.bantin.sample;

import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The one source of chance of a generation run. {@link Random} is used because its algorithm
 * is fixed by the Java specification: the same seed gives the same bytes on every JVM.
 */
final class Dice {

    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    /** Uniform whole number in [low, high]. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** Uniform real number in [low, high). */
    double real(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> void shuffle(List<T> items) {
        Collections.shuffle(items, random);
    }

    /**
     * Splits {@code total} into whole parts proportional to {@code weights} (largest remainder),
     * so the parts always add up to the total exactly.
     */
    static int[] split(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] parts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        for (int left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }
}
