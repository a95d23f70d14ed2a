package eu.selfdata.tenant.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.testmodule.ObservationsModule;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConsentTest extends SelfDataTest {

    private static final String PATH = "/api/me/consents/" + ObservationsModule.PURPOSE;

    @Test
    void givenConsentComesWithAReceiptCarryingTheConsentReceiptFields() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        assertThat(client.platform("PUT", "/platform/tenants/" + city + "/charter", Map.of("version", "2026.1"))
                        .status())
                .isEqualTo(200);
        String token = identities.citizenToken(city, person("camille"));

        JsonNode receipt = giveConsent(token, city).json();

        assertThat(receipt.path("consentReceiptId").asString()).isNotBlank();
        assertThat(receipt.path("consentTimestamp").asString()).isNotBlank();
        assertThat(receipt.path("piiControllers").get(0).path("piiController").asString())
                .isEqualTo("La Rochelle");
        assertThat(receipt.path("purpose").path("id").asString()).isEqualTo(ObservationsModule.PURPOSE);
        assertThat(receipt.path("dataCategories").get(0).asString()).isEqualTo("observations");
        assertThat(receipt.path("recipients").get(0).asString()).isEqualTo("La Rochelle");
        assertThat(receipt.path("duration").asString()).isEqualTo("P1Y");
        assertThat(receipt.path("expiresAt").asString()).isNotBlank();
        assertThat(receipt.path("withdrawalMethod").asString()).contains("DELETE " + PATH);
        assertThat(receipt.path("charterVersion").asString()).isEqualTo("2026.1");
        assertThat(receipt.path("state").asString()).isEqualTo("GIVEN");
        assertThat(receipt.path("piiPrincipalId").asString()).isEqualTo(citizenId(token, city));
    }

    @Test
    void withdrawalTakesEffectAtOnceAndHistoryIsKept() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        String given = giveConsent(token, city).json().path("consentReceiptId").asString();

        ServiceClient.Response withdrawn = client.cityAs(token, city, "DELETE", PATH, null);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().path("previousReceiptId").asString()).isEqualTo(given);
        JsonNode offered = client.cityAs(token, city, "GET", "/api/me/consents", null)
                .json()
                .get(0);
        assertThat(offered.path("state").asString()).isEqualTo("WITHDRAWN");
        JsonNode history = client.cityAs(token, city, "GET", "/api/me/consent-receipts", null)
                .json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("state").asString()).isEqualTo("GIVEN");
        assertThat(history.get(1).path("state").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void withdrawingWhatWasNeverGivenIsAConflictAndChangesNothing() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        client.cityAs(token, city, "PUT", PATH, Map.of("decision", "REFUSED"));

        ServiceClient.Response refused = client.cityAs(token, city, "DELETE", PATH, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(client.cityAs(token, city, "GET", "/api/me/consent-receipts", null)
                        .json())
                .hasSize(1);
    }

    @Test
    void purposeOfAModuleTheCityDidNotEnableIsNotOffered() {
        String city = onboard(freshSlug("lyon"), "Lyon");
        String token = identities.citizenToken(city, person("camille"));

        assertThat(client.cityAs(token, city, "GET", "/api/me/consents", null).json())
                .isEmpty();
        ServiceClient.Response refused = client.cityAs(token, city, "PUT", PATH, Map.of("decision", "GIVEN"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.problemType()).isEqualTo("not-found");
    }

    @Test
    void badDecisionIsRefused() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));

        assertThat(client.cityAs(token, city, "PUT", PATH, Map.of("decision", "MAYBE"))
                        .status())
                .isEqualTo(400);
        assertThat(client.cityAs(token, city, "PUT", PATH, Map.of("decision", "WITHDRAWN"))
                        .status())
                .isEqualTo(400);
        assertThat(client.cityAs(token, city, "GET", "/api/me/consent-receipts", null)
                        .json())
                .isEmpty();
    }

    @Test
    void aCitizenCannotReadAnotherCitizensReceipt() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String camille = identities.citizenToken(city, person("camille"));
        String dominique = identities.citizenToken(city, person("dominique"));
        String receipt =
                giveConsent(camille, city).json().path("consentReceiptId").asString();

        assertThat(client.cityAs(camille, city, "GET", "/api/me/consent-receipts/" + receipt, null)
                        .status())
                .isEqualTo(200);
        assertThat(client.cityAs(dominique, city, "GET", "/api/me/consent-receipts/" + receipt, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void receiptsCannotBeChangedInTheDatabase() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        giveConsent(identities.citizenToken(city, person("camille")), city);

        assertThatThrownBy(() -> database()
                        .sql("update " + schema(city) + ".consent_receipt set state = 'REFUSED'")
                        .update())
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> database()
                        .sql("delete from " + schema(city) + ".consent_receipt")
                        .update())
                .hasMessageContaining("never changed");
    }

    @Test
    void onlyTheCoordinatorRecordsTheSignedCharter() {
        String city = cityWithObservations("larochelle", "La Rochelle");

        ServiceClient.Response byAdmin = client.platformAs(
                identities.cityAdminToken(city),
                "PUT",
                "/platform/tenants/" + city + "/charter",
                Map.of("version", "v9"));
        ServiceClient.Response malformed =
                client.platform("PUT", "/platform/tenants/" + city + "/charter", Map.of("version", "v 9; drop"));

        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(client.platform("GET", "/platform/tenants/" + city + "/charter", null)
                        .json()
                        .path("version")
                        .isNull())
                .isTrue();
    }
}
