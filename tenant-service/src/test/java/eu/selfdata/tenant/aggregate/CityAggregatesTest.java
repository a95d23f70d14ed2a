package eu.selfdata.tenant.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.testmodule.ObservationsModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CityAggregatesTest extends SelfDataTest {

    private static final String COMPUTE =
            "/api/city/indicators/" + ObservationsModule.ID + "/" + ObservationsModule.INDICATOR + "/computations";

    @Test
    void groupOfNineConsentingCitizensIsSuppressedAndOfTenShown() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        List<String> citizens = citizens(city, 10);
        for (int i = 0; i < 10; i++) {
            observe(citizens.get(i), city, "bike", 2);
            if (i < 9) {
                observe(citizens.get(i), city, "car", 5);
            }
            giveConsent(citizens.get(i), city);
        }
        String someoneWithoutConsent = identities.citizenToken(city, person("silent"));
        observe(someoneWithoutConsent, city, "car", 1000);
        ageAccounts(city);

        JsonNode cells = compute(city).path("cells");

        assertThat(cell(cells, "bike").path("suppressed").asBoolean()).isFalse();
        assertThat(cell(cells, "bike").path("value").asDouble())
                .as("20 with noise of ε = 1, cap 10, rounded to two digits")
                .isBetween(0.0, 200.0);
        assertThat(cell(cells, "bike").path("participants").asInt() % 5)
                .as("a noised count rounded to 5")
                .isZero();
        assertThat(cell(cells, "bike").path("participants").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(cell(cells, "car").path("suppressed").asBoolean()).isTrue();
        assertThat(cell(cells, "car").path("value").isNull()).isTrue();
        assertThat(cell(cells, "car").path("participants").isNull()).isTrue();
    }

    @Test
    void withdrawnConsentStopsCountingAtTheNextComputation() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        List<String> citizens = citizens(city, 10);
        citizens.forEach(token -> {
            observe(token, city, "walk", 1);
            giveConsent(token, city);
        });
        ageAccounts(city);
        assertThat(cell(compute(city).path("cells"), "walk").path("suppressed").asBoolean())
                .isFalse();

        client.cityAs(citizens.getFirst(), city, "DELETE", "/api/me/consents/" + ObservationsModule.PURPOSE, null);
        passIndicatorPeriod(city);

        assertThat(cell(compute(city).path("cells"), "walk").path("suppressed").asBoolean())
                .isTrue();
    }

    @Test
    void cityChoosesItsKButNeverBelowFive() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String admin = identities.cityAdminToken(city);

        ServiceClient.Response tooLow =
                client.cityAs(admin, city, "PUT", "/api/city/privacy", Map.of("minGroupSize", 4));
        ServiceClient.Response raised =
                client.cityAs(admin, city, "PUT", "/api/city/privacy", Map.of("minGroupSize", 12));
        ServiceClient.Response byAgent = client.cityAs(
                identities.cityAgentToken(city), city, "PUT", "/api/city/privacy", Map.of("minGroupSize", 5));

        assertThat(tooLow.status()).isEqualTo(400);
        assertThat(raised.json().path("minGroupSize").asInt()).isEqualTo(12);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(compute(city).path("minGroupSize").asInt()).isEqualTo(12);
    }

    @Test
    void everyParticipantSeesTheComputationInTheirAccessLog() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String consenting = identities.citizenToken(city, person("camille"));
        String silent = identities.citizenToken(city, person("dominique"));
        observe(consenting, city, "bike", 1);
        observe(silent, city, "bike", 1);
        giveConsent(consenting, city);
        ageAccounts(city);

        compute(city);

        JsonNode log = client.cityAs(consenting, city, "GET", "/api/me/access-log", null)
                .json();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("accessorKind").asString()).isEqualTo("AGGREGATE_JOB");
        assertThat(log.get(0).path("category").asString()).isEqualTo("observations");
        assertThat(client.cityAs(silent, city, "GET", "/api/me/access-log", null)
                        .json())
                .isEmpty();
    }

    @Test
    void latestComputationIsKeptForTheDashboards() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String agent = identities.cityAgentToken(city);
        String latest = "/api/city/indicators/" + ObservationsModule.ID + "/" + ObservationsModule.INDICATOR;
        assertThat(client.cityAs(agent, city, "GET", latest, null).status()).isEqualTo(404);

        String computedAt = compute(city).path("computedAt").asString();

        assertThat(client.cityAs(agent, city, "GET", latest, null)
                        .json()
                        .path("computedAt")
                        .asString())
                .isEqualTo(computedAt);
        assertThat(client.cityAs(agent, city, "GET", "/api/city/indicators", null)
                        .json()
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(ObservationsModule.INDICATOR);
    }

    @Test
    void cityStaffNeverReadAnIndividualAndCitizensNeverReadIndicators() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String citizen = identities.citizenToken(city, person("camille"));
        String id = citizenId(citizen, city);

        ServiceClient.Response byAgent = client.cityAs(
                identities.cityAgentToken(city), city, "GET", "/api/city/citizens/" + id + "/observations", null);
        ServiceClient.Response byAdmin =
                client.cityAs(identities.cityAdminToken(city), city, "GET", "/api/city/citizens/" + id, null);

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAgent.problemType()).isEqualTo("individual-data-refused");
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(client.cityAs(citizen, city, "POST", COMPUTE, null).status()).isEqualTo(403);
        assertThat(client.cityAs(citizen, city, "GET", "/api/city/indicators", null)
                        .status())
                .isEqualTo(403);
    }

    private List<String> citizens(String city, int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(identities.citizenToken(city, person("resident" + i)));
        }
        return tokens;
    }

    private JsonNode compute(String city) {
        ServiceClient.Response computed = client.cityAs(identities.cityAgentToken(city), city, "POST", COMPUTE, null);
        assertThat(computed.status()).as(computed.body()).isEqualTo(200);
        return computed.json();
    }

    private static JsonNode cell(JsonNode cells, String group) {
        for (JsonNode cell : cells) {
            if (cell.path("group").asString().equals(group)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + group + " in " + cells);
    }
}
