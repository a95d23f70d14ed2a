package eu.selfdata.tenant.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.testmodule.ObservationsModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint of the self-data core, with La Rochelle identities on Lyon's host. */
class SelfDataCrossTenantTest extends SelfDataTest {

    private static final String INDICATOR =
            "/api/city/indicators/" + ObservationsModule.ID + "/" + ObservationsModule.INDICATOR;

    record Call(String method, String path, Object body) {}

    private static final List<Call> CITIZEN_CALLS = List.of(
            new Call("GET", "/api/me", null),
            new Call("PUT", "/api/me", Map.of("language", "fr")),
            new Call("DELETE", "/api/me", Map.of("confirm", "ERASE")),
            new Call("GET", "/api/me/export", null),
            new Call("GET", "/api/me/consents", null),
            new Call("PUT", "/api/me/consents/" + ObservationsModule.PURPOSE, Map.of("decision", "GIVEN")),
            new Call("DELETE", "/api/me/consents/" + ObservationsModule.PURPOSE, null),
            new Call("GET", "/api/me/consent-receipts", null),
            new Call("GET", "/api/me/access-log", null),
            new Call("GET", "/api/observations", null));

    private static final List<Call> CITY_CALLS = List.of(
            new Call("GET", "/api/city/indicators", null),
            new Call("GET", INDICATOR, null),
            new Call("POST", INDICATOR + "/computations", null),
            new Call("GET", "/api/city/privacy", null),
            new Call("PUT", "/api/city/privacy", Map.of("minGroupSize", 5)),
            new Call("GET", "/api/city/citizens/anyone", null));

    @Test
    void tokensOfLaRochelleAreRefusedOnLyonForEveryEndpointAndNothingChanges() {
        String rochelle = cityWithObservations("larochelle", "La Rochelle");
        String lyon = cityWithObservations("lyon", "Lyon");
        String lyonCitizen = identities.citizenToken(lyon, person("lyonnais"));
        observe(lyonCitizen, lyon, "bike", 1);
        giveConsent(lyonCitizen, lyon);
        String rochelleCitizen = identities.citizenToken(rochelle, person("rochelais"));
        String rochelleAdmin = identities.cityAdminToken(rochelle);

        for (Call call : CITIZEN_CALLS) {
            ServiceClient.Response response =
                    client.cityAs(rochelleCitizen, lyon, call.method(), call.path(), call.body());
            assertThat(response.status()).as(call.toString()).isEqualTo(403);
            assertThat(response.problemType()).as(call.toString()).isEqualTo("wrong-city");
        }
        for (Call call : CITY_CALLS) {
            ServiceClient.Response response =
                    client.cityAs(rochelleAdmin, lyon, call.method(), call.path(), call.body());
            assertThat(response.status()).as(call.toString()).isEqualTo(403);
            assertThat(response.problemType()).as(call.toString()).isEqualTo("wrong-city");
        }
        assertThat(database()
                        .sql("select count(*) from " + schema(lyon) + ".citizen")
                        .query(Integer.class)
                        .single())
                .isOne();
        assertThat(database()
                        .sql("select min_group_size from platform.tenant where slug = ?")
                        .param(lyon)
                        .query(Integer.class)
                        .single())
                .isEqualTo(10);
        assertThat(client.cityAs(lyonCitizen, lyon, "GET", "/api/me/consent-receipts", null)
                        .json())
                .hasSize(1);
    }

    @Test
    void sameKindOfObjectInTwoCitiesIsOnlyReachableInItsOwnCity() {
        String rochelle = cityWithObservations("larochelle", "La Rochelle");
        String lyon = cityWithObservations("lyon", "Lyon");
        String name = person("twin");
        String inRochelle = identities.citizenToken(rochelle, name);
        String inLyon = identities.citizenToken(lyon, name);
        String receipt = giveConsent(inRochelle, rochelle)
                .json()
                .path("consentReceiptId")
                .asString();
        client.cityAs(identities.cityAgentToken(rochelle), rochelle, "POST", INDICATOR + "/computations", null);

        assertThat(client.cityAs(inLyon, lyon, "GET", "/api/me/consent-receipts/" + receipt, null)
                        .status())
                .isEqualTo(404);
        assertThat(client.cityAs(identities.cityAgentToken(lyon), lyon, "GET", INDICATOR, null)
                        .status())
                .isEqualTo(404);
        assertThat(client.cityAs(inLyon, lyon, "GET", "/api/me/consents", null)
                        .json()
                        .get(0)
                        .path("state")
                        .isNull())
                .isTrue();
        assertThat(citizenId(inLyon, lyon)).isNotEqualTo(citizenId(inRochelle, rochelle));
    }
}
