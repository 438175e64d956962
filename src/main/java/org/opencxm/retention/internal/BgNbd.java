package org.opencxm.retention.internal;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie &amp; Lee 2005, "Counting your customers the
 * easy way"): while alive, a customer buys at a Poisson rate λ, heterogeneous as Gamma(r, α);
 * after each repeat purchase they drop out with probability p, heterogeneous as Beta(a, b).
 * Time is counted in weeks, as in the literature, so α reads like the published ones.
 *
 * <p>A customer enters as (x, tₓ, T): x repeat transactions, the last at tₓ, observed for T
 * since their first purchase. The formulas are the paper's equations (6), (10) and (13) and its
 * P(alive); numerically, ratios of large powers are taken in logs.
 */
record BgNbd(double r, double alpha, double a, double b) {

    /** The log-likelihood of one customer's (x, tₓ, T): the objective the fit maximises. */
    double logLikelihood(int x, double tx, double age) {
        return Gamma.logGamma(r + x)
                - Gamma.logGamma(r)
                + r * Math.log(alpha)
                + Beta.logBeta(a, b + x)
                - Beta.logBeta(a, b)
                - (r + x) * Math.log(alpha + age)
                + log1pExp(deadOdds(x, tx, age));
    }

    /**
     * The log-likelihood of a whole sample, as {@link #logLikelihood(int, double, double)} summed,
     * with what depends on x alone worked out once per x: the fit evaluates it hundreds of times.
     */
    double logLikelihood(CalibrationSample sample) {
        int most = sample.mostRepeats();
        var perX = new double[most + 1];
        var oddsPerX = new double[most + 1];
        double shared = r * Math.log(alpha) - Gamma.logGamma(r) - Beta.logBeta(a, b);
        for (int x = 0; x <= most; x++) {
            perX[x] = shared + Gamma.logGamma(r + x) + Beta.logBeta(a, b + x);
            oddsPerX[x] = x == 0 ? 0 : Math.log(a / (b + x - 1));
        }
        double sum = 0;
        for (int i = 0; i < sample.size(); i++) {
            int x = sample.x(i);
            double logAge = Math.log(alpha + sample.age(i));
            sum += perX[x] - (r + x) * logAge;
            if (x > 0) {
                sum += log1pExp(oddsPerX[x] + (r + x) * (logAge - Math.log(alpha + sample.tx(i))));
            }
        }
        return sum;
    }

    /** The probability that the customer is still alive at T, having bought as they did. */
    double probabilityAlive(int x, double tx, double age) {
        return 1 / (1 + Math.exp(deadOdds(x, tx, age)));
    }

    /** Expected transactions in the next {@code weeks} for a customer who bought as they did. */
    double expectedTransactions(int x, double tx, double age, double weeks) {
        if (weeks <= 0) {
            return 0;
        }
        double horizon = alpha + age + weeks;
        double hyper = Hypergeometric.gauss(r + x, b + x, a + b + x - 1, weeks / horizon);
        double ahead = (a + b + x - 1) / (a - 1) * (1 - Math.exp((r + x) * Math.log((alpha + age) / horizon)) * hyper);
        return ahead / (1 + Math.exp(deadOdds(x, tx, age)));
    }

    /** Expected transactions of a new customer in their first {@code weeks}: equation (7). */
    double expectedTransactions(double weeks) {
        double hyper = Hypergeometric.gauss(r, b, a + b - 1, weeks / (alpha + weeks));
        return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + weeks), r) * hyper);
    }

    /** P(X(t) = x): the chance of exactly x repeat transactions in the first {@code weeks}, equation (8). */
    double probabilityOf(int x, double weeks) {
        double share = alpha / (alpha + weeks);
        double logShare = Math.log(share);
        double logRest = Math.log(weeks / (alpha + weeks));
        double poisson = Math.exp(Beta.logBeta(a, b + x)
                - Beta.logBeta(a, b)
                + Gamma.logGamma(r + x)
                - Gamma.logGamma(r)
                - Gamma.logGamma(x + 1.0)
                + r * logShare
                + (x == 0 ? 0 : x * logRest));
        if (x == 0) {
            return poisson;
        }
        double partial = 0;
        for (int j = 0; j < x; j++) {
            partial += Math.exp(Gamma.logGamma(r + j)
                    - Gamma.logGamma(r)
                    - Gamma.logGamma(j + 1.0)
                    + r * logShare
                    + (j == 0 ? 0 : j * logRest));
        }
        return poisson + Math.exp(Beta.logBeta(a + 1, b + x - 1) - Beta.logBeta(a, b)) * (1 - partial);
    }

    /**
     * log of a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x): how much likelier it is that the customer dropped
     * out after their last purchase than that they are still alive; −∞ without repeat purchases.
     */
    private double deadOdds(int x, double tx, double age) {
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + tx));
    }

    /** log(1 + eᵛ) without overflow. */
    private static double log1pExp(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }
}
