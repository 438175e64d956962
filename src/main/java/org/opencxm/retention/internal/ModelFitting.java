package org.opencxm.retention.internal;

import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.jspecify.annotations.Nullable;

/**
 * Maximum-likelihood fits of the two CLV models with Hipparchus' Nelder-Mead simplex, over the
 * logarithms of the parameters (they are all positive; in logs the search is unconstrained and
 * scale-free). The simplex needs no gradients, is robust against the flat likelihood surfaces of
 * small samples, and restarted once from its own answer it stops at the same optimum as the
 * published fits.
 */
final class ModelFitting {

    /** The fewest customers, and of them with repeat purchases, that a fit is worth making on. */
    static final int FEWEST_CUSTOMERS = 30;

    static final int FEWEST_REPEATERS = 10;

    private static final int MOST_EVALUATIONS = 20_000;

    private ModelFitting() {}

    /** A fitted model with its log-likelihood and how many customers it was fitted to. */
    record Fitted<M>(M model, double logLikelihood, int customers) {}

    static @Nullable Fitted<BgNbd> bgNbd(CalibrationSample sample) {
        if (sample.size() < FEWEST_CUSTOMERS || sample.repeaters() < FEWEST_REPEATERS) {
            return null;
        }
        var best = maximise(
                v -> new BgNbd(Math.exp(v[0]), Math.exp(v[1]), Math.exp(v[2]), Math.exp(v[3])).logLikelihood(sample),
                new double[] {0, Math.log(meanAge(sample) + 1), 0, 0});
        if (best == null) {
            return null;
        }
        var model = new BgNbd(Math.exp(best[0]), Math.exp(best[1]), Math.exp(best[2]), Math.exp(best[3]));
        return new Fitted<>(model, model.logLikelihood(sample), sample.size());
    }

    /** Fitted to the customers with repeat transactions of positive mean value only. */
    static @Nullable Fitted<GammaGamma> gammaGamma(CalibrationSample sample) {
        int spenders = 0;
        double total = 0;
        for (int i = 0; i < sample.size(); i++) {
            if (sample.x(i) > 0 && sample.meanSpend(i) > 0) {
                spenders++;
                total += sample.meanSpend(i);
            }
        }
        if (spenders < FEWEST_REPEATERS) {
            return null;
        }
        ToDoubleFunction<GammaGamma> likelihood = model -> {
            double sum = 0;
            for (int i = 0; i < sample.size(); i++) {
                if (sample.x(i) > 0 && sample.meanSpend(i) > 0) {
                    sum += model.logLikelihood(sample.x(i), sample.meanSpend(i));
                }
            }
            return sum;
        };
        double mean = total / spenders;
        var best = maximise(
                v -> likelihood.applyAsDouble(new GammaGamma(Math.exp(v[0]), Math.exp(v[1]), Math.exp(v[2]))),
                new double[] {0, Math.log(2), Math.log(mean)});
        if (best == null) {
            return null;
        }
        var model = new GammaGamma(Math.exp(best[0]), Math.exp(best[1]), Math.exp(best[2]));
        return new Fitted<>(model, likelihood.applyAsDouble(model), spenders);
    }

    /** The log-parameters of the highest likelihood, or null when the search found no finite one. */
    private static double @Nullable [] maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        ToDoubleFunction<double[]> objective = v -> {
            double value = logLikelihood.applyAsDouble(v);
            // outside the region where the likelihood is finite: a wall the simplex turns back from
            return Double.isFinite(value) ? -value : Double.MAX_VALUE;
        };
        var optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-10, 1e-9));
        double[] point = start;
        try {
            for (int round = 0; round < 2; round++) {
                var result = optimizer.optimize(
                        new MaxEval(MOST_EVALUATIONS),
                        new ObjectiveFunction(objective::applyAsDouble),
                        GoalType.MINIMIZE,
                        new InitialGuess(point),
                        new NelderMeadSimplex(point.length, 0.5));
                point = result.getPoint();
            }
        } catch (MathRuntimeException notConverged) {
            return null;
        }
        return Double.isFinite(objective.applyAsDouble(point)) && objective.applyAsDouble(point) < Double.MAX_VALUE
                ? point
                : null;
    }

    private static double meanAge(CalibrationSample sample) {
        double sum = 0;
        for (int i = 0; i < sample.size(); i++) {
            sum += sample.age(i);
        }
        return sample.size() == 0 ? 1 : sum / sample.size();
    }
}
