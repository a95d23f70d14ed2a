package eu.selfdata.tenant.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.usecase.api.CityIndicator.Measure;
import eu.selfdata.usecase.api.IndicatorResult;
import eu.selfdata.usecase.api.NoiseBudget;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The differencing attack replayed many times on the release mechanism itself: an attacker who sees
 * the publication before and after one citizen's upload guesses which of two values the citizen gave.
 * With ε-differential privacy no test does better than e^ε / (1 + e^ε) on average (Dwork et al. 2006;
 * Kairouz, Oh, Viswanath 2015); on exact figures the same attack never misses.
 */
class CellReleaseTest {

    private static final NoiseBudget BUDGET = new NoiseBudget(1, 10);
    private static final int K = 10;
    private static final int TRIALS = 20_000;
    /** Four standard errors of an accuracy measured over TRIALS guesses. */
    private static final double SAMPLING = 4 * Math.sqrt(0.25 / TRIALS);

    private final CellRelease release = new CellRelease(new SplittableRandom(17));

    @Test
    void differencingASumGuessesAnUploadNoBetterThanEpsilonAllows() {
        double othersTotal = 63; // ten neighbours' clamped contributions, known to the attacker
        int correct = 0;
        SplittableRandom secret = new SplittableRandom(5);
        for (int trial = 0; trial < TRIALS; trial++) {
            boolean high = secret.nextBoolean();
            double upload = high ? BUDGET.contributionCap() : 0;
            double before = release.release(Measure.SUM, BUDGET, K, "g", 10, othersTotal)
                    .value();
            double after = release.release(Measure.SUM, BUDGET, K, "g", 11, othersTotal + upload)
                    .value();
            boolean guess = after - before > BUDGET.contributionCap() / 2;
            correct += guess == high ? 1 : 0;
        }
        double accuracy = (double) correct / TRIALS;

        assertThat(accuracy).isLessThanOrEqualTo(bound(BUDGET.epsilon()) + SAMPLING);
        assertThat(exactAttack(othersTotal)).as("the same attack on exact sums").isEqualTo(1.0);
    }

    @Test
    void differencingACountGuessesWhetherSomeoneJoinedNoBetterThanEpsilonAllows() {
        int correct = 0;
        SplittableRandom secret = new SplittableRandom(9);
        for (int trial = 0; trial < TRIALS; trial++) {
            boolean joined = secret.nextBoolean();
            int before = release.release(Measure.PARTICIPANTS, BUDGET, K, "g", 12, 12)
                    .participants();
            int after = release.release(Measure.PARTICIPANTS, BUDGET, K, "g", joined ? 13 : 12, joined ? 13 : 12)
                    .participants();
            boolean guess = after > before || (after == before && secret.nextBoolean());
            correct += guess == joined ? 1 : 0;
        }

        assertThat((double) correct / TRIALS).isLessThanOrEqualTo(bound(BUDGET.epsilon()) + SAMPLING);
    }

    @Test
    void aMeanIsAsBlurredAsItsBudgetSays() {
        int correct = 0;
        SplittableRandom secret = new SplittableRandom(3);
        for (int trial = 0; trial < TRIALS; trial++) {
            boolean high = secret.nextBoolean();
            double before = release.release(Measure.MEAN_PER_PARTICIPANT, BUDGET, K, "g", 10, 50)
                    .value();
            double after = release.release(
                            Measure.MEAN_PER_PARTICIPANT,
                            BUDGET,
                            K,
                            "g",
                            11,
                            50 + (high ? BUDGET.contributionCap() : 0))
                    .value();
            boolean guess = after * 11 - before * 10 > BUDGET.contributionCap() / 2;
            correct += guess == high ? 1 : 0;
        }

        assertThat((double) correct / TRIALS).isLessThanOrEqualTo(bound(BUDGET.epsilon()) + SAMPLING);
    }

    @Test
    void aGroupUnderKIsSuppressedWhateverTheNoise() {
        for (int trial = 0; trial < 1000; trial++) {
            IndicatorResult.Cell cell = release.release(Measure.SUM, BUDGET, K, "g", K - 1, 1000);
            assertThat(cell.suppressed()).isTrue();
            assertThat(cell.value()).isNull();
            assertThat(cell.participants()).isNull();
        }
    }

    @Test
    void shownFiguresAreRoundedCountsToFiveAndValuesToTwoSignificantDigits() {
        for (int trial = 0; trial < 1000; trial++) {
            IndicatorResult.Cell cell = release.release(Measure.SUM, BUDGET, K, "g", 40, 1234.5);
            assertThat(cell.participants() % 5).isZero();
            assertThat(cell.participants()).isGreaterThanOrEqualTo(K);
            assertThat(new BigDecimal(cell.value()).stripTrailingZeros().precision())
                    .isLessThanOrEqualTo(2);
            assertThat(cell.value()).isNotNegative();
        }
    }

    @Test
    void laplaceDrawsHaveTheScaleTheyClaim() {
        double scale = 4;
        double sumOfAbs = 0;
        for (int i = 0; i < TRIALS; i++) {
            sumOfAbs += Math.abs(release.laplace(scale));
        }
        assertThat(sumOfAbs / TRIALS).as("E|X| = scale").isBetween(scale * 0.95, scale * 1.05);
    }

    /** The best accuracy any test can reach between two neighbouring datasets under ε-DP. */
    private static double bound(double epsilon) {
        return Math.exp(epsilon) / (1 + Math.exp(epsilon));
    }

    private static double exactAttack(double othersTotal) {
        int correct = 0;
        for (double upload : new double[] {0, BUDGET.contributionCap()}) {
            double difference = (othersTotal + upload) - othersTotal;
            correct += (difference > BUDGET.contributionCap() / 2) == (upload > 0) ? 1 : 0;
        }
        return correct / 2.0;
    }
}
