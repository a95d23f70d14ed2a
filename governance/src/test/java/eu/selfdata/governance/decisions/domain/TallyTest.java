package eu.selfdata.governance.decisions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);
    private static final UUID C = new UUID(0, 3);

    @Test
    void onePartnerOneVoteNeedsMoreThanTheMajority() {
        VotingRule rule = new VotingRule(VotingRule.Weighting.ONE_PARTNER_ONE_VOTE, 50, 50);
        Map<UUID, Long> eligible = Map.of(A, 1L, B, 1L, C, 1L);

        assertThat(Tally.count(rule, eligible, Map.of(A, Choice.YES, B, Choice.YES, C, Choice.NO))
                        .adopted())
                .isTrue();
        assertThat(Tally.count(rule, eligible, Map.of(A, Choice.YES, B, Choice.NO))
                        .adopted())
                .as("a tie")
                .isFalse();
    }

    @Test
    void withoutQuorumNothingIsAdopted() {
        VotingRule rule = new VotingRule(VotingRule.Weighting.ONE_PARTNER_ONE_VOTE, 67, 50);
        Tally tally = Tally.count(rule, Map.of(A, 1L, B, 1L, C, 1L), Map.of(A, Choice.YES));

        assertThat(tally.quorumReached()).isFalse();
        assertThat(tally.adopted()).isFalse();
    }

    @Test
    void abstentionsCountForQuorumNotForMajority() {
        VotingRule rule = new VotingRule(VotingRule.Weighting.ONE_PARTNER_ONE_VOTE, 100, 50);
        Tally tally = Tally.count(
                rule, Map.of(A, 1L, B, 1L, C, 1L), Map.of(A, Choice.YES, B, Choice.ABSTAIN, C, Choice.ABSTAIN));

        assertThat(tally.quorumReached()).isTrue();
        assertThat(tally.adopted()).isTrue();
    }

    @Test
    void contributionWeightsLetTheBiggestContributorOutvoteTwoSmallOnes() {
        VotingRule rule = new VotingRule(VotingRule.Weighting.CONTRIBUTION, 50, 50);
        Tally tally = Tally.count(
                rule, Map.of(A, 700_00L, B, 150_00L, C, 150_00L), Map.of(A, Choice.YES, B, Choice.NO, C, Choice.NO));

        assertThat(tally.yes()).isEqualTo(700_00L);
        assertThat(tally.adopted()).isTrue();
    }

    @Test
    void votesOfPartnersWithoutAVoteAreIgnored() {
        VotingRule rule = new VotingRule(VotingRule.Weighting.ONE_PARTNER_ONE_VOTE, 0, 50);
        Tally tally = Tally.count(rule, Map.of(A, 1L), Map.of(A, Choice.NO, B, Choice.YES));

        assertThat(tally.yes()).isZero();
        assertThat(tally.adopted()).isFalse();
    }
}
