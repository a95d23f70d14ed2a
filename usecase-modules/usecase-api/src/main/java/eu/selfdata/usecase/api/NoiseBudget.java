package eu.selfdata.usecase.api;

/**
 * How much one published cell of an indicator may reveal about one citizen: the Laplace mechanism of
 * Dwork, McSherry, Nissim and Smith, "Calibrating Noise to Sensitivity in Private Data Analysis"
 * (TCC 2006, LNCS 3876). The core clamps each citizen's contribution to a group to
 * {@code [0, contributionCap]}, so that one citizen more or less changes a group's sum by at most
 * {@code contributionCap} and its participant count by one; it then adds Laplace noise of scale
 * sensitivity / ε to both (ε/2 each; the whole ε to the count of a {@link CityIndicator.Measure#PARTICIPANTS}
 * indicator). Every publication of a cell spends ε again: the budget is per cell and per publication.
 *
 * @param epsilon         ε, the privacy loss of one publication of one cell: smaller hides better and
 *                        blurs more; above 10 the noise would protect no one
 * @param contributionCap the most one citizen adds to one group, in the indicator's unit (a citizen's
 *                        values in a group are summed, then clamped); it sets the noise of sums and means
 */
public record NoiseBudget(double epsilon, double contributionCap) {

    public static final double MAX_EPSILON = 10;

    public NoiseBudget {
        if (!(epsilon > 0 && epsilon <= MAX_EPSILON)) {
            throw new IllegalArgumentException("epsilon must be in (0, " + MAX_EPSILON + "]: " + epsilon);
        }
        if (!(contributionCap > 0 && Double.isFinite(contributionCap))) {
            throw new IllegalArgumentException("contributionCap must be positive and finite: " + contributionCap);
        }
    }
}
