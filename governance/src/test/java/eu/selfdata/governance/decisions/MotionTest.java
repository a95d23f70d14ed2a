package eu.selfdata.governance.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Motions over HTTP; the counting rules themselves are in {@link TallyTest}. */
class MotionTest extends GovernanceTest {

    @Test
    void eachPartnerVotesOnceThroughItsRepresentativeAndTheResultIsPublished() {
        String city = freshSlug("vote");
        String other = freshSlug("nay");
        UUID partner = onboardCity(city, "Voter", 10_000);
        UUID otherPartner = onboardCity(other, "Nay", 10_000);
        ServiceClient.Response opened = governance.platform(
                "POST",
                "/governance/motions",
                Map.of(
                        "kind",
                        "ADD_MODULE",
                        "title",
                        "Add the energy module " + UUID.randomUUID(),
                        "rule",
                        Map.of("weighting", "ONE_PARTNER_ONE_VOTE", "quorumPct", 0, "majorityPct", 50)));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String motion = opened.json().path("id").asString();
        String votes = "/governance/motions/" + motion + "/votes";

        assertThat(governance
                        .platformAs(
                                identities.cityAdminToken(city),
                                "POST",
                                votes,
                                Map.of("partnerId", partner, "choice", "YES"))
                        .status())
                .isEqualTo(204);
        ServiceClient.Response twice = governance.platformAs(
                identities.cityAdminToken(city), "POST", votes, Map.of("partnerId", partner, "choice", "NO"));
        ServiceClient.Response forAnother = governance.platformAs(
                identities.cityAdminToken(city), "POST", votes, Map.of("partnerId", otherPartner, "choice", "YES"));
        ServiceClient.Response byCitizen = governance.platformAs(
                identities.citizenToken(other), "POST", votes, Map.of("partnerId", otherPartner, "choice", "YES"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemType()).isEqualTo("already-done");
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(byCitizen.status()).isEqualTo(403);
        assertThat(governance
                        .platformAs(
                                identities.cityAdminToken(other),
                                "POST",
                                votes,
                                Map.of("partnerId", otherPartner, "choice", "NO"))
                        .status())
                .isEqualTo(204);

        ServiceClient.Response closed = governance.platform("POST", "/governance/motions/" + motion + "/close", null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(closed.json().path("tally").asString()).contains("\"yes\":1", "\"no\":1");
        JsonNode published =
                governance.city(city, "GET", "/governance/motions", null).json();
        assertThat(published.toString()).contains(motion);
        assertThat(governance
                        .platformAs(
                                identities.cityAdminToken(city),
                                "POST",
                                votes,
                                Map.of("partnerId", partner, "choice", "YES"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aContributionWeightedVoteNeedsAClosedPeriod() {
        ServiceClient.Response refused =
                governance.platform("POST", "/governance/motions", Map.of("kind", "BUDGET", "title", "Budget 2027"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asString()).contains("closed period");
    }
}
