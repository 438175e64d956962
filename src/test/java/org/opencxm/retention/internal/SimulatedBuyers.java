package org.opencxm.retention.internal;

import org.hipparchus.random.RandomDataGenerator;

/**
 * Customers who buy exactly as the BG/NBD and Gamma-Gamma models say, drawn from known
 * parameters with a seed: the data a fit must find those parameters back from.
 */
final class SimulatedBuyers {

    private SimulatedBuyers() {}

    /**
     * @param weeks the longest age; customers' first purchases spread evenly over its first half
     */
    static CalibrationSample draw(BgNbd buying, GammaGamma spending, int customers, double weeks, long seed) {
        var random = new RandomDataGenerator(seed);
        var sample = new CalibrationSample(customers, seed);
        for (int i = 0; i < customers; i++) {
            double age = weeks - random.nextUniform(0, weeks / 2);
            double rate = random.nextGamma(buying.r(), 1 / buying.alpha());
            double dropout = random.nextBeta(buying.a(), buying.b());
            double spendRate = random.nextGamma(spending.q(), 1 / spending.gamma());
            int x = 0;
            double last = 0;
            double t = 0;
            double spent = 0;
            while (true) {
                t += random.nextExponential(1 / rate);
                if (t > age) {
                    break;
                }
                x++;
                last = t;
                spent += random.nextGamma(spending.p(), 1 / spendRate);
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            sample.add(x, last, age, x == 0 ? 0 : spent / x);
        }
        return sample;
    }
}
