package eu.selfdata.tenant.usage;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import eu.selfdata.tenant.tenancy.TenantId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class UsageMeteringTest extends TenantServiceTest {

    @Autowired
    DataSource dataSource;

    @Test
    void authenticatedCallsAreCountedForTheCityWhoseHostServedThemAndAnonymousOnesAreNot() {
        String larochelle = onboard(freshSlug("lr"), "La Rochelle");
        String lyon = onboard(freshSlug("ly"), "Lyon");
        for (int i = 0; i < 7; i++) {
            assertThat(client.cityAs(identities.citizenToken(larochelle), larochelle, "GET", "/api/announcements", null)
                            .status())
                    .isEqualTo(200);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(client.city(larochelle, "GET", "/api/announcements", null)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(client.cityAs(identities.citizenToken(lyon), lyon, "GET", "/api/announcements", null)
                        .status())
                .isEqualTo(200);

        JsonNode usage = usage(today(), today());

        assertThat(city(usage, larochelle).path("apiCalls").asLong()).isEqualTo(7);
        assertThat(city(usage, lyon).path("apiCalls").asLong()).isEqualTo(1);
        assertThat(city(usage(today().minusDays(3), today().minusDays(1)), larochelle)
                        .path("apiCalls")
                        .asLong())
                .isZero();
    }

    @Test
    void storedDataIsTheSizeOfTheCitysOwnSchema() {
        String small = onboard(freshSlug("small"), "Small");
        String big = onboard(freshSlug("big"), "Big");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table " + schema(big)
                        + ".filler as select repeat('x', 500) as text from generate_series(1, 2000)")
                .update();

        JsonNode usage = usage(today(), today());

        long smallBytes = city(usage, small).path("storedBytes").asLong();
        assertThat(smallBytes).isPositive();
        assertThat(city(usage, big).path("storedBytes").asLong()).isGreaterThan(smallBytes + 1_000_000);
    }

    @Test
    void activeCitizensAreTheDistinctVerifiedCitizensSeenInThePeriod() {
        String tracked = onboard(freshSlug("tracked"), "Tracked");
        String untracked = onboard(freshSlug("untracked"), "Untracked");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into " + schema(tracked)
                        + ".citizen (id, subject, last_seen_at, email_verified) values (gen_random_uuid(), 'a', now(), true),"
                        + " (gen_random_uuid(), 'b', now(), true), (gen_random_uuid(), 'c', now() - interval '40 days', true),"
                        + " (gen_random_uuid(), 'unverified', now(), false)")
                .update();

        JsonNode usage = usage(today().minusDays(1), today());

        assertThat(city(usage, tracked).path("activeCitizens").asLong()).isEqualTo(2);
        assertThat(city(usage, untracked).path("activeCitizens").asLong()).isZero();
    }

    @Test
    void aCitizenCountsAsActiveFromTheFirstRequestWithAVerifiedAddress() {
        String city = onboard(freshSlug("verif"), "Verif");
        String name = "late-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.cityAs(identities.unverifiedCitizenToken(city, name), city, "GET", "/api/me", null)
                        .status())
                .isEqualTo(200);
        assertThat(city(usage(today(), today()), city).path("activeCitizens").asLong())
                .as("unverified: not a person yet")
                .isZero();

        identities.verifyEmail(name + "@" + city + ".tests.selfdata.eu");
        assertThat(client.cityAs(identities.citizenToken(city, name), city, "GET", "/api/me", null)
                        .status())
                .isEqualTo(200);

        assertThat(city(usage(today(), today()), city).path("activeCitizens").asLong())
                .isEqualTo(1);
    }

    @Test
    void usageIsForCoordinatorsOnTheirHostAndBadPeriodsAreProblems() {
        String city = onboard(freshSlug("guard"), "Guard");
        String path = "/platform/usage?from=" + today() + "&to=" + today();

        assertThat(client.platformAs(identities.cityAdminToken(city), "GET", path, null)
                        .status())
                .isEqualTo(403);
        assertThat(client.cityAs(identities.coordinatorToken(), city, "GET", path, null)
                        .status())
                .isEqualTo(404);
        ServiceClient.Response backwards =
                client.platform("GET", "/platform/usage?from=" + today() + "&to=" + today().minusDays(1), null);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.problemType()).isEqualTo("invalid-request");
    }

    private JsonNode usage(LocalDate from, LocalDate to) {
        ServiceClient.Response response = client.platform("GET", "/platform/usage?from=" + from + "&to=" + to, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode city(JsonNode usage, String slug) {
        return usage.path("cities")
                .valueStream()
                .filter(city -> city.path("slug").asString().equals(slug))
                .findFirst()
                .orElseThrow();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String schema(String slug) {
        return TenantId.of(slug).schemaName();
    }
}
