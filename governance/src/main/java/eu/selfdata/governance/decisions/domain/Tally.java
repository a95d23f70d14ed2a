package eu.selfdata.governance.decisions.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.UUID;

/** The count of a motion's votes under its rule; exact integer arithmetic, weights in cents or ones. */
public record Tally(long eligibleWeight, long yes, long no, long abstain, boolean quorumReached, boolean adopted) {

    /**
     * @param eligible every eligible partner's weight
     * @param votes    the choice of each partner that voted (only eligible partners count)
     */
    public static Tally count(VotingRule rule, Map<UUID, Long> eligible, Map<UUID, Choice> votes) {
        long total = eligible.values().stream().mapToLong(Long::longValue).sum();
        long yes = weight(eligible, votes, Choice.YES);
        long no = weight(eligible, votes, Choice.NO);
        long abstain = weight(eligible, votes, Choice.ABSTAIN);
        boolean quorum =
                times(yes + no + abstain, 100).compareTo(times(total, rule.quorumPct())) >= 0 && yes + no + abstain > 0;
        boolean majority = times(yes, 100).compareTo(times(yes + no, rule.majorityPct())) > 0;
        return new Tally(total, yes, no, abstain, quorum, quorum && majority);
    }

    private static long weight(Map<UUID, Long> eligible, Map<UUID, Choice> votes, Choice choice) {
        return votes.entrySet().stream()
                .filter(vote -> vote.getValue() == choice && eligible.containsKey(vote.getKey()))
                .mapToLong(vote -> eligible.get(vote.getKey()))
                .sum();
    }

    private static BigInteger times(long a, long b) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
    }
}
