package eu.selfdata.tenant.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitizenAccountTest extends SelfDataTest {

    @Test
    void firstAuthenticatedRequestOpensTheAccountInTheCitySchemaOnly() {
        String rochelle = onboard(freshSlug("larochelle"), "La Rochelle");
        String lyon = onboard(freshSlug("lyon"), "Lyon");
        String token = identities.citizenToken(rochelle, person("camille"));

        assertThat(client.cityAs(token, rochelle, "GET", "/api/announcements", null)
                        .status())
                .isEqualTo(200);

        assertThat(database()
                        .sql("select count(*) from " + schema(rochelle) + ".citizen")
                        .query(Integer.class)
                        .single())
                .isOne();
        assertThat(database()
                        .sql("select count(*) from " + schema(lyon) + ".citizen")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void citizenReadsAndUpdatesTheirProfile() {
        String city = onboard(freshSlug("larochelle"), "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        String id = citizenId(token, city);

        ServiceClient.Response updated = client.cityAs(
                token, city, "PUT", "/api/me", Map.of("displayName", "Camille", "language", "fr", "householdSize", 3));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(client.cityAs(token, city, "GET", "/api/me", null)
                        .json()
                        .path("householdSize")
                        .asInt())
                .isEqualTo(3);
        assertThat(client.cityAs(token, city, "GET", "/api/me", null)
                        .json()
                        .path("id")
                        .asString())
                .isEqualTo(id);
    }

    @Test
    void invalidProfileIsRefusedAndTheStoredOneKept() {
        String city = onboard(freshSlug("larochelle"), "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        client.cityAs(
                token, city, "PUT", "/api/me", Map.of("displayName", "Camille", "language", "fr", "householdSize", 2));

        ServiceClient.Response refused =
                client.cityAs(token, city, "PUT", "/api/me", Map.of("language", "de", "householdSize", 99));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("invalid-request");
        assertThat(refused.body()).contains("householdSize").contains("language");
        assertThat(client.cityAs(token, city, "GET", "/api/me", null)
                        .json()
                        .path("householdSize")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void profileNeedsAToken() {
        String city = onboard(freshSlug("larochelle"), "La Rochelle");

        assertThat(client.city(city, "GET", "/api/me", null).status()).isEqualTo(401);
    }
}
