package org.opencxm.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Objects;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.junit.jupiter.api.Test;

/**
 * The CLV models against what is known of them: the worked example of Fader, Hardie &amp; Lee
 * (2005) on the CDNOW data, the same quantities integrated numerically straight from the model's
 * definition, and parameters recovered from data simulated with known ones.
 */
class CustomerValueModelsTests {

    /** The published fit to CDNOW's 2,357 customers (weeks). */
    static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    static final GammaGamma CDNOW_SPEND = new GammaGamma(6.25, 3.74, 15.44);

    @Test
    void reproducesThePublishedExpectationForACdnowCustomer() {
        // x = 2, tx = 30.43, T = 38.86: 1.226 transactions expected in the next 39 weeks (p. 280)
        assertThat(CDNOW.expectedTransactions(2, 30.43, 38.86, 39)).isCloseTo(1.226, within(0.0005));
        // 1 / (1 + 0.793/3.426 · (43.274/34.844)^2.243), as docs/retention.md works it out
        assertThat(CDNOW.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.727, within(0.0005));
    }

    @Test
    void agreesWithTheModelIntegratedOverEveryCustomerType() {
        int x = 2;
        double tx = 30.43;
        double age = 38.86;
        double weeks = 39;
        // midpoints of equal-probability slices of the Gamma and Beta mixing distributions
        int slices = 1500;
        var rates = new GammaDistribution(CDNOW.r(), 1 / CDNOW.alpha());
        var dropouts = new BetaDistribution(CDNOW.a(), CDNOW.b());
        var lambda = new double[slices];
        var p = new double[slices];
        for (int i = 0; i < slices; i++) {
            lambda[i] = rates.inverseCumulativeProbability((i + 0.5) / slices);
            p[i] = dropouts.inverseCumulativeProbability((i + 0.5) / slices);
        }
        double likelihood = 0;
        double alive = 0;
        double ahead = 0;
        for (double l : lambda) {
            for (double q : p) {
                double stillBuying = Math.pow(1 - q, x) * Math.pow(l, x) * Math.exp(-l * age);
                double droppedOut = q * Math.pow(1 - q, x - 1) * Math.pow(l, x) * Math.exp(-l * tx);
                likelihood += stillBuying + droppedOut;
                alive += stillBuying;
                ahead += stillBuying * (1 - Math.exp(-l * q * weeks)) / q;
            }
        }
        assertThat(CDNOW.probabilityAlive(x, tx, age)).isCloseTo(alive / likelihood, within(0.005));
        assertThat(CDNOW.expectedTransactions(x, tx, age, weeks)).isCloseTo(ahead / likelihood, within(0.01));
        assertThat(CDNOW.logLikelihood(x, tx, age))
                .isCloseTo(Math.log(likelihood / ((double) slices * slices)), within(0.01));
    }

    @Test
    void countDistributionAddsUpToTheExpectedTransactions() {
        double weeks = 39;
        double total = 0;
        double mean = 0;
        for (int x = 0; x < 400; x++) {
            double probability = CDNOW.probabilityOf(x, weeks);
            total += probability;
            mean += x * probability;
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        assertThat(mean).isCloseTo(CDNOW.expectedTransactions(weeks), within(1e-6));
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsAlive() {
        assertThat(CDNOW.probabilityAlive(0, 0, 30)).isEqualTo(1.0);
        // the longer the silence since the last purchase, the likelier they are gone
        assertThat(CDNOW.probabilityAlive(5, 35, 38)).isGreaterThan(CDNOW.probabilityAlive(5, 10, 38));
    }

    @Test
    void expectedSpendWeighsTheCustomerAgainstThePopulation() {
        // without own transactions the population mean pγ/(q−1), 35.22 for CDNOW
        assertThat(CDNOW_SPEND.expectedSpend(0, 0)).isCloseTo(35.22, within(0.01));
        double own = 100;
        assertThat(CDNOW_SPEND.expectedSpend(1, own)).isBetween(35.22, own);
        assertThat(CDNOW_SPEND.expectedSpend(20, own)).isGreaterThan(CDNOW_SPEND.expectedSpend(1, own));
    }

    @Test
    void fitsKnownParametersBackFromSimulatedCustomers() {
        var truth = new BgNbd(0.5, 6.0, 0.8, 3.0);
        var spending = new GammaGamma(6.0, 4.0, 15.0);
        var sample = SimulatedBuyers.draw(truth, spending, 40_000, 78, 42);

        var buying = Objects.requireNonNull(ModelFitting.bgNbd(sample)).model();
        assertThat(buying.r()).isCloseTo(truth.r(), within(0.05));
        assertThat(buying.alpha()).isCloseTo(truth.alpha(), within(0.6));
        assertThat(buying.a()).isCloseTo(truth.a(), within(0.15));
        assertThat(buying.b()).isCloseTo(truth.b(), within(0.6));

        var spend = Objects.requireNonNull(ModelFitting.gammaGamma(sample)).model();
        // p, q and γ trade off against each other; the population mean spend is well determined
        assertThat(spend.expectedSpend(0, 0)).isCloseTo(spending.expectedSpend(0, 0), within(1.0));
        assertThat(spend.p()).isCloseTo(spending.p(), within(1.0));
        assertThat(spend.q()).isCloseTo(spending.q(), within(0.5));
    }

    @Test
    void fitsTheSampleAsTheSumOfItsCustomers() {
        var sample = SimulatedBuyers.draw(CDNOW, CDNOW_SPEND, 500, 39, 7);
        double sum = 0;
        for (int i = 0; i < sample.size(); i++) {
            sum += CDNOW.logLikelihood(sample.x(i), sample.tx(i), sample.age(i));
        }
        assertThat(CDNOW.logLikelihood(sample)).isCloseTo(sum, within(1e-6));
    }

    @Test
    void declinesToFitTooFewCustomers() {
        var sample = SimulatedBuyers.draw(CDNOW, CDNOW_SPEND, 20, 39, 1);
        assertThat(ModelFitting.bgNbd(sample)).isNull();
    }
}
