package eu.selfdata.tenant.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.identity.CityIdentity;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The coordinator sets a city's rate limits: the gateway reads them in the tenant directory, the identity server's
 * registration form in the city's portal client; no other city changes.
 */
class RateLimitsTest extends TenantServiceTest {

    private static final Map<String, Object> LIMITS = Map.of(
            "apiPerAddressPerMinute",
            120,
            "apiPerAccountPerMinute",
            60,
            "signInsPerAddressPerMinute",
            30,
            "registrationsPerAddressPerHour",
            3,
            "uploadsPerAccountPerHour",
            12);

    @Test
    void theCoordinatorSetsACitysLimitsWhichTheDirectoryAndItsPortalClientCarryAndNoOtherCity() {
        String city = onboard(freshSlug("limited"), "Limited");
        String other = onboard(freshSlug("other"), "Other");
        assertThat(client.platform("GET", "/platform/tenants/" + city + "/rate-limits", null)
                        .json()
                        .path("apiPerAddressPerMinute")
                        .asInt())
                .as("the platform's defaults first")
                .isEqualTo(600);

        ServiceClient.Response set = client.platform("PUT", "/platform/tenants/" + city + "/rate-limits", LIMITS);

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(client.platform("GET", "/platform/tenants/" + city + "/rate-limits", null)
                        .json()
                        .path("registrationsPerAddressPerHour")
                        .asInt())
                .isEqualTo(3);
        JsonNode directory = client.platform("GET", "/internal/tenant-directory", null)
                .json()
                .path("tenants");
        assertThat(entry(directory, city)
                        .path("rateLimits")
                        .path("apiPerAccountPerMinute")
                        .asInt())
                .isEqualTo(60);
        assertThat(entry(directory, other)
                        .path("rateLimits")
                        .path("apiPerAccountPerMinute")
                        .asInt())
                .isEqualTo(300);
        var portal = identities
                .realm()
                .clients()
                .findByClientId(CityIdentity.portalClientId(city))
                .getFirst();
        assertThat(portal.getAttributes()).containsEntry("selfdata.registrationsPerHour", "3");
        var otherPortal = identities
                .realm()
                .clients()
                .findByClientId(CityIdentity.portalClientId(other))
                .getFirst();
        assertThat(otherPortal.getAttributes()).doesNotContainKey("selfdata.registrationsPerHour");
    }

    @Test
    void onlyTheCoordinatorOnThePlatformHostSetsLimitsAndBadOnesAreRefusedWithNothingChanged() {
        String city = onboard(freshSlug("guarded"), "Guarded");
        Map<String, Object> zero = new HashMap<>(LIMITS);
        zero.put("uploadsPerAccountPerHour", 0);
        Map<String, Object> missing = new HashMap<>(LIMITS);
        missing.remove("apiPerAddressPerMinute");

        assertThat(client.platformAs(
                                identities.cityAdminToken(city),
                                "PUT",
                                "/platform/tenants/" + city + "/rate-limits",
                                LIMITS)
                        .status())
                .isEqualTo(403);
        assertThat(client.cityAs(
                                identities.coordinatorToken(),
                                city,
                                "PUT",
                                "/platform/tenants/" + city + "/rate-limits",
                                LIMITS)
                        .status())
                .isEqualTo(404);
        ServiceClient.Response refused = client.platform("PUT", "/platform/tenants/" + city + "/rate-limits", zero);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("uploadsPerAccountPerHour");
        assertThat(client.platform("PUT", "/platform/tenants/" + city + "/rate-limits", missing)
                        .status())
                .isEqualTo(400);
        assertThat(client.platform("PUT", "/platform/tenants/no-such-city/rate-limits", LIMITS)
                        .status())
                .isEqualTo(404);
        assertThat(client.platform("GET", "/platform/tenants/" + city + "/rate-limits", null)
                        .json()
                        .path("uploadsPerAccountPerHour")
                        .asInt())
                .isEqualTo(60);
    }

    private static JsonNode entry(JsonNode directory, String slug) {
        return directory
                .valueStream()
                .filter(entry -> slug.equals(entry.path("slug").asString()))
                .findFirst()
                .orElseThrow();
    }
}
