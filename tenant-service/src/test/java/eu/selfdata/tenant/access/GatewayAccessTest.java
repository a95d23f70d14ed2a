package eu.selfdata.tenant.access;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import org.junit.jupiter.api.Test;

class GatewayAccessTest extends TenantServiceTest {

    @Test
    void requestWithoutGatewaySignatureIsRejected() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        ServiceClient.Response response = client.raw("GET", "/api/announcements", "X-Tenant-Id", city);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.problemType()).isEqualTo("not-through-gateway");
    }

    @Test
    void requestWithNoCityAtAllIsRejected() {
        ServiceClient.Response response = client.raw("GET", "/api/announcements");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cityPathSignedForThePlatformHostNamesTheMissingCity() {
        ServiceClient.Response response = client.platform("GET", "/api/announcements", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("missing-tenant");
    }

    @Test
    void tamperedOrExpiredSignaturesAreRejected() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        String valid = signature.sign(city);
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        String expired =
                (Long.parseLong(valid.substring(0, valid.indexOf('.'))) - 3600) + valid.substring(valid.indexOf('.'));
        assertThat(client.raw("GET", "/api/announcements", "X-Tenant-Id", city, "X-Tenant-Signature", tampered)
                        .status())
                .isEqualTo(403);
        assertThat(client.raw("GET", "/api/announcements", "X-Tenant-Id", city, "X-Tenant-Signature", expired)
                        .status())
                .isEqualTo(403);
        assertThat(client.raw("GET", "/api/announcements", "X-Tenant-Id", city, "X-Tenant-Signature", "garbage")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void coordinatorApiIsNotReachableFromACityHost() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        ServiceClient.Response response = client.city(city, "GET", "/platform/tenants", null);
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void unknownCityIs404() {
        ServiceClient.Response response = client.city(freshSlug("nowhere"), "GET", "/api/announcements", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo("unknown-tenant");
    }

    @Test
    void suspendedCityIs423AndServedAgainAfterResume() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        assertThat(client.platform("POST", "/platform/tenants/" + city + "/suspend", null)
                        .status())
                .isEqualTo(200);

        ServiceClient.Response suspended = client.city(city, "GET", "/api/announcements", null);
        assertThat(suspended.status()).isEqualTo(423);
        assertThat(suspended.problemType()).isEqualTo("tenant-suspended");
        assertThat(client.platform("POST", "/platform/tenants/" + city + "/suspend", null)
                        .status())
                .isEqualTo(409);

        assertThat(client.platform("POST", "/platform/tenants/" + city + "/resume", null)
                        .status())
                .isEqualTo(200);
        assertThat(client.city(city, "GET", "/api/announcements", null).status())
                .isEqualTo(200);
    }

    @Test
    void directoryListsCitiesAndAnswers304WhenUnchanged() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        ServiceClient.Response directory = client.platform("GET", "/internal/tenant-directory", null);
        assertThat(directory.status()).isEqualTo(200);
        assertThat(directory
                        .json()
                        .path("tenants")
                        .valueStream()
                        .map(t -> t.path("slug").asString()))
                .contains(city);

        String version = directory.json().path("version").asString();
        ServiceClient.Response unchanged = client.raw(
                "GET",
                "/internal/tenant-directory",
                "X-Tenant-Signature",
                signature.sign(""),
                "If-None-Match",
                "\"" + version + "\"");
        assertThat(unchanged.status()).isEqualTo(304);
    }

    @Test
    void homePageShowsTheCityNameAndColours() {
        String city = onboard(freshSlug("larochelle"), "La Rochelle");
        ServiceClient.Response home = client.city(city, "GET", "/", null);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body())
                .contains("La Rochelle")
                .contains("--city-primary:#00607a")
                .contains("id=\"sign-in\"");
    }

    @Test
    void homePageNamesTheSignedInCitizenAndOffersSignOut() {
        String city = onboard(freshSlug("larochelle"), "La Rochelle");
        ServiceClient.Response home = client.cityAs(identities.citizenToken(city), city, "GET", "/", null);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"sign-out\"").contains("Test").doesNotContain("id=\"sign-in\"");
    }

    @Test
    void openApiDocumentDescribesTheCoordinatorAndCityApis() {
        ServiceClient.Response openApi = client.platform("GET", "/v3/api-docs", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().path("paths").has("/platform/tenants")).isTrue();
        assertThat(openApi.json().path("paths").has("/api/announcements")).isTrue();
    }

    @Test
    void requestMetricsAreTaggedWithTheCity() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        client.city(city, "GET", "/api/announcements", null);
        String metrics = client.raw("GET", "/actuator/prometheus").body();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*tenant=\"" + city + "\"");
    }
}
