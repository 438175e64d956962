package org.opencxm.retention.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The customers a model is fitted to: everyone up to {@code capacity}, beyond that a uniform
 * random sample (reservoir sampling, seeded, so one fit gives the same parameters twice). With
 * 100,000 customers the parameters' standard errors are far below what their published values are
 * rounded to, and the memory stays the same at ten million.
 *
 * <p>Per customer: x repeat transactions, the last tₓ and the age T in weeks since the first
 * purchase, and the mean value of the repeat transactions (0 without any).
 */
final class CalibrationSample {

    private final int capacity;
    private final SplittableRandom random;
    private final int[] x;
    private final double[] tx;
    private final double[] age;
    private final double[] meanSpend;
    private long seen;
    private int size;

    CalibrationSample(int capacity, long seed) {
        this.capacity = capacity;
        this.random = new SplittableRandom(seed);

        this.x = new int[capacity];
        this.tx = new double[capacity];
        this.age = new double[capacity];
        this.meanSpend = new double[capacity];
    }

    void add(int repeats, double last, double observed, double spend) {
        seen++;
        int slot;
        if (size < capacity) {
            slot = size++;
        } else {
            long pick = random.nextLong(seen);
            if (pick >= capacity) {
                return;
            }
            slot = (int) pick;
        }
        x[slot] = repeats;
        tx[slot] = last;
        age[slot] = observed;
        meanSpend[slot] = spend;
    }

    /** Every customer offered, sampled or not. */
    long seen() {
        return seen;
    }

    int size() {
        return size;
    }

    int x(int i) {
        return x[i];
    }

    double tx(int i) {
        return tx[i];
    }

    double age(int i) {
        return age[i];
    }

    double meanSpend(int i) {
        return meanSpend[i];
    }

    int repeaters() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (x[i] > 0) {
                n++;
            }
        }
        return n;
    }

    int mostRepeats() {
        return size == 0 ? 0 : Arrays.stream(x, 0, size).max().orElse(0);
    }
}
