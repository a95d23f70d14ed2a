package eu.selfdata.tenant.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import org.junit.jupiter.api.Test;

/** The coordinator console's pages on the platform host: the steps fragment and its script, usage per city. */
class CoordinatorConsolePagesTest extends TenantServiceTest {

    @Test
    void theConsoleLoadsItsScriptsOnThePlatformHost() {
        // htmx polls the onboarding steps: without its script on the platform host the steps never refresh
        for (String path : new String[] {
            "/webjars/htmx.org/2.0.10/dist/htmx.min.js",
            "/webjars/chart.js/4.4.1/dist/chart.umd.js",
            "/js/dashboards.js",
            "/css/portal.css"
        }) {
            ServiceClient.Response script = client.platformAs(null, "GET", path, null);
            assertThat(script.status()).as(path).isEqualTo(200);
        }
        String city = onboard(freshSlug("steps"), "Steps");
        ServiceClient.Response page = client.platform("GET", "/platform/console/" + city, null);
        assertThat(page.body()).contains("/webjars/htmx.org/2.0.10/dist/htmx.min.js", "id=\"onboarding-steps\"");
        ServiceClient.Response steps = client.platform("GET", "/platform/console/" + city + "/steps", null);
        assertThat(steps.status()).isEqualTo(200);
        assertThat(steps.body()).contains("id=\"steps\"", "step DONE").doesNotContain("<html", "hx-get");
    }

    @Test
    void usagePerCityIsForCoordinatorsOnly() {
        String city = onboard(freshSlug("usage"), "Usage");
        client.city(city, "GET", "/", null);

        ServiceClient.Response usage =
                client.platform("GET", "/platform/console/usage?from=2020-01-01&to=2029-12-31", null);
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.body())
                .contains("id=\"usage-" + city + "\"", "Active citizens", "Stored data (bytes)", "API calls");

        ServiceClient.Response backwards =
                client.platform("GET", "/platform/console/usage?from=2026-12-31&to=2026-01-01", null);
        assertThat(backwards.body()).contains("id=\"usage-error\"").doesNotContain("id=\"usage-" + city + "\"");
        assertThat(client.platformAs(identities.cityAdminToken(city), "GET", "/platform/console/usage", null)
                        .status())
                .isEqualTo(403);
        assertThat(client.cityAs(identities.cityAdminToken(city), city, "GET", "/platform/console/usage", null)
                        .status())
                .isEqualTo(404);
    }
}
