package eu.selfdata.governance.access;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.tenant.support.ServiceClient;
import org.junit.jupiter.api.Test;

class GovernanceAccessTest extends GovernanceTest {

    @Test
    void requestsThatDidNotComeThroughTheGatewayAreRefused() {
        ServiceClient.Response unsigned = governance.raw("GET", "/governance/charter/versions");
        ServiceClient.Response forged = governance.raw(
                "GET", "/governance/charter", "X-Tenant-Id", "larochelle", "X-Tenant-Signature", "1.AAAA");

        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.problemType()).isEqualTo("not-through-gateway");
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void aTokenIsNeededBeyondWhatIsPublishedAndABadOneIsRefused() {
        assertThat(governance
                        .platformAs(null, "GET", "/governance/charter/versions", null)
                        .status())
                .isEqualTo(200);
        assertThat(governance
                        .platformAs(null, "GET", "/governance/partners", null)
                        .status())
                .isEqualTo(401);
        assertThat(governance
                        .platformAs("not-a-token", "GET", "/governance/partners", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void citizensDoNotSeeTheConsortiumAndPlatformPagesAreNotOnCityHosts() {
        String city = freshSlug("acc");
        onboardCity(city, "Access", 1_000);

        ServiceClient.Response citizen =
                governance.platformAs(identities.citizenToken(city), "GET", "/governance/partners", null);
        ServiceClient.Response onCityHost =
                governance.cityAs(identities.coordinatorToken(), city, "GET", "/governance/partners", null);

        assertThat(citizen.status()).isEqualTo(403);
        assertThat(onCityHost.status()).isIn(403, 404);
        assertThat(governance.platform("GET", "/governance/charter", null).status())
                .as("a city's charter needs its host")
                .isEqualTo(404);
    }
}
