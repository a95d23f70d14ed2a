package eu.selfdata.tenant.aggregate;

import eu.selfdata.usecase.api.CityIndicator;
import eu.selfdata.usecase.api.IndicatorResult;
import eu.selfdata.usecase.api.NoiseBudget;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.random.RandomGenerator;

/**
 * What one group's exact figures become when published: the Laplace mechanism of Dwork, McSherry,
 * Nissim and Smith, "Calibrating Noise to Sensitivity in Private Data Analysis" (TCC 2006). Each
 * citizen's contribution was clamped to {@code [0, cap]} in SQL, so one citizen more or less moves the
 * group's total by at most {@code cap} and its count by one: the total gets Lap(cap / (ε/2)) and the
 * count Lap(1 / (ε/2)) (a count-only indicator gives the count the whole ε). A mean is the noised
 * total over the noised count, and rounding (two significant digits, counts to a multiple of 5)
 * comes after the noise: post-processing spends no budget, and it hides the low-order bits of the
 * floating-point noise (Mironov, CCS 2012). A group under k is suppressed on its exact count of
 * eligible participants, which is the platform's promise that no figure is about fewer than k people.
 */
final class CellRelease {

    private static final MathContext TWO_DIGITS = new MathContext(2);

    private final RandomGenerator random;

    /** @param random a {@link java.security.SecureRandom} in production: predictable noise can be subtracted */
    CellRelease(RandomGenerator random) {
        this.random = random;
    }

    /**
     * @param participants eligible participants of the group (exact)
     * @param clampedTotal the sum of their contributions, each already clamped to {@code [0, cap]}
     */
    IndicatorResult.Cell release(
            CityIndicator.Measure measure,
            NoiseBudget budget,
            int minGroupSize,
            String group,
            int participants,
            double clampedTotal) {
        if (participants < minGroupSize) {
            return new IndicatorResult.Cell(group, null, null, true);
        }
        boolean countOnly = measure == CityIndicator.Measure.PARTICIPANTS;
        double countEpsilon = countOnly ? budget.epsilon() : budget.epsilon() / 2;
        double noisyCount = participants + laplace(1 / countEpsilon);
        int shownCount = Math.max(nearestFive(noisyCount), nearestFiveAbove(minGroupSize));
        Double value = switch (measure) {
            case PARTICIPANTS -> (double) shownCount;
            case SUM -> twoSignificantDigits(noisyTotal(budget, clampedTotal));
            case MEAN_PER_PARTICIPANT ->
                twoSignificantDigits(noisyTotal(budget, clampedTotal) / Math.max(noisyCount, minGroupSize));
        };
        return new IndicatorResult.Cell(group, value, shownCount, false);
    }

    private double noisyTotal(NoiseBudget budget, double clampedTotal) {
        return Math.max(0, clampedTotal + laplace(budget.contributionCap() / (budget.epsilon() / 2)));
    }

    /** A draw of Laplace(0, scale) by inverting its distribution function. */
    double laplace(double scale) {
        double u;
        do {
            u = random.nextDouble() - 0.5;
        } while (Math.abs(u) >= 0.5);
        return -scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }

    static double twoSignificantDigits(double value) {
        return value == 0 ? 0 : new BigDecimal(value).round(TWO_DIGITS).doubleValue();
    }

    private static int nearestFive(double count) {
        return (int) (5 * Math.round(count / 5));
    }

    private static int nearestFiveAbove(int count) {
        return 5 * Math.ceilDiv(count, 5);
    }
}
