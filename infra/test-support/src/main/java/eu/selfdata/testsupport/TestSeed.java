package eu.selfdata.testsupport;

import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The seed of a test run's random cases: new every run, so each run tries cases no run tried
 * before, unless {@code -Dselfdata.test.seed=...} fixes it to replay a failure. Each randomised
 * test starts its own generator from it ({@link #random()}), so its cases depend on the seed alone,
 * not on which tests ran before.
 *
 * <p>As an extension ({@code @ExtendWith(TestSeed.class)} on a randomised test), it puts the failed
 * case's name and the seed in front of the failure's message: Surefire reports a parameterized case
 * by its method and index, not by its display name, and the seed must survive into the build log.
 */
public final class TestSeed implements TestExecutionExceptionHandler {

    /** The system property that fixes the seed. */
    public static final String PROPERTY = "selfdata.test.seed";

    private static final long RUN = fromPropertyOrFresh();

    /** This run's seed. */
    public static long run() {
        return RUN;
    }

    /** A new generator from this run's seed: the same cases for the same seed. */
    public static SplittableRandom random() {
        return new SplittableRandom(RUN);
    }

    /** What to add to the command line to run the same cases again. */
    public static String replay() {
        return "-D" + PROPERTY + "=" + RUN;
    }

    /**
     * A case's failure with its name and the seed in front of its message; for dynamic tests, which
     * JUnit does not hand to this extension.
     */
    public static AssertionError failed(String caseName, Throwable failure) {
        return new AssertionError(caseName + " failed; replay with " + replay() + ": " + failure.getMessage(), failure);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) {
        throw failed(context.getDisplayName(), failure);
    }

    private static long fromPropertyOrFresh() {
        String fixed = System.getProperty(PROPERTY);
        if (fixed == null || fixed.isBlank()) {
            return new SplittableRandom().nextLong();
        }
        try {
            return Long.parseLong(fixed.strip());
        } catch (NumberFormatException e) {
            // a typo must not silently run fresh cases instead of the failure being replayed
            throw new IllegalArgumentException(PROPERTY + " must be a long, not '" + fixed + "'", e);
        }
    }
}
