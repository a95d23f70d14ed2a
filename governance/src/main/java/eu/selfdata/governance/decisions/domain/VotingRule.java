package eu.selfdata.governance.decisions.domain;

/**
 * How a motion is decided. Quorum: the weight that voted (abstentions count) is at least
 * {@code quorumPct}% of the eligible weight. Majority: YES weighs more than {@code majorityPct}% of
 * YES + NO. Weighting: one partner one vote, or by each partner's contribution in a closed period.
 */
public record VotingRule(Weighting weighting, int quorumPct, int majorityPct) {

    public enum Weighting {
        ONE_PARTNER_ONE_VOTE,
        CONTRIBUTION
    }

    public VotingRule {
        if (weighting == null || quorumPct < 0 || quorumPct > 100 || majorityPct < 1 || majorityPct > 99) {
            throw new IllegalArgumentException(
                    "A rule needs a weighting, 0 <= quorumPct <= 100 and 1 <= majorityPct <= 99");
        }
    }

    /** The consortium's default rule for each kind of motion. */
    public static VotingRule defaultFor(MotionKind kind) {
        return switch (kind) {
            case ADOPT_CHARTER -> new VotingRule(Weighting.ONE_PARTNER_ONE_VOTE, 50, 66);
            case ADD_MODULE, BUDGET -> new VotingRule(Weighting.CONTRIBUTION, 50, 50);
            case ADMIT_PARTNER, OTHER -> new VotingRule(Weighting.ONE_PARTNER_ONE_VOTE, 50, 50);
        };
    }
}
