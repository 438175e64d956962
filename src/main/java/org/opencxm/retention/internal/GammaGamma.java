package org.opencxm.retention.internal;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader &amp; Hardie 2013, "The Gamma-Gamma model
 * of monetary value"): a customer's transactions vary around their own mean, Gamma(p, ν), and
 * the means vary across customers as ν ~ Gamma(q, γ). It is fitted to the customers with repeat
 * transactions, on x and the mean value mₓ of those repeat transactions, and assumes that spend
 * does not depend on how often one buys.
 */
record GammaGamma(double p, double q, double gamma) {

    /** The log-likelihood of one customer's mean spend mₓ over x repeat transactions. */
    double logLikelihood(int x, double meanSpend) {
        double px = p * x;
        return Gamma.logGamma(px + q)
                - Gamma.logGamma(px)
                - Gamma.logGamma(q)
                + q * Math.log(gamma)
                + (px - 1) * Math.log(meanSpend)
                + px * Math.log(x)
                - (px + q) * Math.log(gamma + meanSpend * x);
    }

    /**
     * The expected spend of the customer's next transaction: the population mean pγ/(q−1)
     * weighed against their own mean, the more the more often they bought.
     */
    double expectedSpend(int x, double meanSpend) {
        return p * (gamma + x * meanSpend) / (p * x + q - 1);
    }
}
