package eu.selfdata.governance.consortium;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.governance.support.GovernanceTest;
import eu.selfdata.tenant.modules.EnergyPilotModule;
import eu.selfdata.tenant.support.ServiceClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * governance's views in the coordinator console (platform host, platform coordinators): roles,
 * budget with statement links, motions, pilots with the start form.
 */
class ConsoleViewsTest extends GovernanceTest {

    @Test
    void aCoordinatorSeesRolesBudgetStatementsMotionsAndPilots() {
        String city = freshSlug("views");
        UUID partner = onboardCity(city, "Views " + city, 20_000);
        makeLead(partner);

        ServiceClient.Response roles = governance.platform("GET", "/governance/console/roles", null);
        assertThat(roles.status()).isEqualTo(200);
        assertThat(roles.body()).contains("id=\"role-LEAD_COORDINATOR\"", "Views " + city, "href=\"/css/portal.css\"");

        ServiceClient.Response period = governance.platform(
                "POST",
                "/governance/periods",
                Map.of("name", "Views " + city, "startsOn", "2026-01-01", "endsOn", "2026-12-31"));
        String periodId = period.json().path("id").asString();
        assertThat(governance
                        .platform(
                                "POST",
                                "/governance/periods/" + periodId + "/lines",
                                Map.of(
                                        "category",
                                        "infrastructure",
                                        "label",
                                        "Hosting",
                                        "amountCents",
                                        10_000,
                                        "key",
                                        Map.of("basis", "EQUAL")))
                        .status())
                .isEqualTo(201);
        ServiceClient.Response budget = governance.platform("GET", "/governance/console/budget", null);
        assertThat(budget.body())
                .contains(
                        "id=\"period-" + periodId + "\"",
                        "infrastructure: Hosting",
                        "100.00",
                        "/governance/periods/" + periodId + "/statements/" + partner + "?format=csv");
        ServiceClient.Response csv = governance.platform(
                "GET", "/governance/periods/" + periodId + "/statements/" + partner + "?format=csv", null);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("period,partner,category,label,key,line_amount_eur,share_eur");

        ServiceClient.Response motion =
                governance.platform("POST", "/governance/motions", Map.of("kind", "OTHER", "title", "Motion " + city));
        String motionId = motion.json().path("id").asString();
        governance.platform("POST", "/governance/motions/" + motionId + "/close", null);
        assertThat(governance
                        .platform("GET", "/governance/console/motions", null)
                        .body())
                .contains("id=\"motion-" + motionId + "\"", "Motion " + city, "REJECTED");

        ServiceClient.Response started = governance.formAs(
                identities.coordinatorToken(),
                null,
                "/governance/console/pilots",
                Map.of(
                        "city",
                        city,
                        "module",
                        EnergyPilotModule.MODULE_ID,
                        "title",
                        "Pilot " + city,
                        "stopVotesRequired",
                        "3"));
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        assertThat(governance
                        .platform("GET", "/governance/console/pilots", null)
                        .body())
                .contains("Pilot " + city, "0 / 3");
        ServiceClient.Response noThreshold = governance.formAs(
                identities.coordinatorToken(),
                null,
                "/governance/console/pilots",
                Map.of(
                        "city",
                        city,
                        "module",
                        EnergyPilotModule.MODULE_ID,
                        "title",
                        "Never " + city,
                        "stopVotesRequired",
                        "0"));
        assertThat(noThreshold.status()).isEqualTo(400);
        assertThat(noThreshold.body()).contains("id=\"pilot-error\"");
        assertThat(governance.platform("GET", "/governance/pilots", null).body())
                .doesNotContain("Never " + city);
    }

    @Test
    void theViewsAreTheCoordinatorsOnThePlatformHost() {
        String city = freshSlug("outsider");
        onboardCity(city, "Outsider", 5_000);
        String admin = identities.cityAdminToken(city);
        for (String view : new String[] {"roles", "budget", "motions", "pilots"}) {
            String path = "/governance/console/" + view;
            assertThat(governance.platformAs(admin, "GET", path, null).status())
                    .as(path)
                    .isEqualTo(403);
            assertThat(governance.cityAs(admin, city, "GET", path, null).status())
                    .as(path)
                    .isEqualTo(404);
            assertThat(governance.platformAs(null, "GET", path, null).status())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(governance
                        .formAs(
                                admin,
                                null,
                                "/governance/console/pilots",
                                Map.of(
                                        "city",
                                        city,
                                        "module",
                                        EnergyPilotModule.MODULE_ID,
                                        "title",
                                        "By admin",
                                        "stopVotesRequired",
                                        "1"))
                        .status())
                .isEqualTo(403);
    }
}
