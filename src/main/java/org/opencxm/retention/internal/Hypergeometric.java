package org.opencxm.retention.internal;

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1, by its power series: the
 * BG/NBD model's expected transactions need it, and no maintained Java library offers it. Every
 * term follows from the one before by one multiplication, so even the slow cases (many past
 * transactions and a long horizon, z near 1) cost microseconds.
 */
final class Hypergeometric {

    private static final int MOST_TERMS = 1_000_000;
    private static final double PRECISION = 1e-14;

    private Hypergeometric() {}

    static double gauss(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("z must lie in [0, 1): " + z);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MOST_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) <= PRECISION * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 did not converge for z = " + z);
    }
}
