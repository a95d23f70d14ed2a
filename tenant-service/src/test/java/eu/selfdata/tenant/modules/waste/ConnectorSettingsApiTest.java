package eu.selfdata.tenant.modules.waste;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The connector settings API through real tokens and the gateway's signed city: typed settings,
 * hosts only where the coordinator allows them, and one city's admin never reaching another's.
 */
class ConnectorSettingsApiTest extends WasteTest {

    private static final String CALENDAR = "/api/connectors/waste-collection-calendar";

    @Test
    void aTokenOfOneCityNeverChangesTheSameConnectorOfAnother() {
        String larochelle = wasteCity("larochelle");
        String lyon = wasteCity("lyon");
        Map<String, Object> change =
                Map.of("enabled", false, "settings", Map.of("url", "https://data.larochelle.example/collecte"));

        ServiceClient.Response crossing =
                client.cityAs(identities.cityAdminToken(larochelle), lyon, "PUT", CALENDAR, change);
        assertThat(crossing.status()).isEqualTo(403);
        assertThat(crossing.problemType()).isEqualTo("wrong-city");
        assertThat(client.cityAs(identities.citizenToken(lyon), lyon, "PUT", CALENDAR, change)
                        .status())
                .isEqualTo(403);

        assertThat(client.cityAs(identities.cityAdminToken(larochelle), larochelle, "PUT", CALENDAR, change)
                        .status())
                .isEqualTo(200);
        assertThat(setting(
                                client.cityAs(identities.cityAdminToken(lyon), lyon, "GET", "/api/connectors", null)
                                        .json(),
                                "url")
                        .path("value")
                        .isNull())
                .as("Lyon's calendar is untouched")
                .isTrue();
    }

    @Test
    void aLoopbackUrlIsRefusedUntilTheCoordinatorAllowsItForThatCityOnly() {
        String larochelle = wasteCity("larochelle");
        String lyon = wasteCity("lyon");
        Map<String, Object> loopback =
                Map.of("enabled", false, "settings", Map.of("url", "http://127.0.0.1:9/collecte"));

        ServiceClient.Response refused =
                client.cityAs(identities.cityAdminToken(larochelle), larochelle, "PUT", CALENDAR, loopback);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("invalid-setting");
        assertThat(refused.json().path("setting").asString()).isEqualTo("url");

        assertThat(client.platform(
                                "PUT",
                                "/platform/tenants/" + larochelle + "/outbound-hosts",
                                Map.of("hosts", List.of("127.0.0.1")))
                        .status())
                .isEqualTo(200);
        assertThat(client.cityAs(identities.cityAdminToken(larochelle), larochelle, "PUT", CALENDAR, loopback)
                        .status())
                .isEqualTo(200);
        assertThat(client.cityAs(identities.cityAdminToken(lyon), lyon, "PUT", CALENDAR, loopback)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void placeholdersAndFoldersOutsideTheCityAreRefusedWithTheSettingAndRuleNamed() {
        String city = wasteCity("larochelle");
        String admin = identities.cityAdminToken(city);
        for (Map<String, String> hostile : List.of(
                Map.of("folder", "../other-city/waste-weighings"),
                Map.of("folder", "/etc"),
                Map.of("pollInterval", "2000&recursive=true"),
                Map.of("zone", "{{selfdata.connectors.secret-key}}"))) {
            ServiceClient.Response refused = client.cityAs(
                    admin, city, "PUT", "/api/connectors/waste-weighings-csv", Map.of("settings", hostile));
            assertThat(refused.status()).as(hostile.toString()).isEqualTo(400);
            assertThat(refused.json().path("setting").asString())
                    .isEqualTo(hostile.keySet().iterator().next());
            assertThat(refused.json().path("rule").asString()).isNotBlank();
            assertThat(refused.json().path("ruleFr").asString()).isNotBlank();
        }
    }

    private static JsonNode setting(JsonNode connectors, String name) {
        for (JsonNode connector : connectors) {
            if (connector.path("template").asString().equals("waste-collection-calendar")) {
                for (JsonNode setting : connector.path("settings")) {
                    if (setting.path("name").asString().equals(name)) {
                        return setting;
                    }
                }
            }
        }
        throw new AssertionError("no setting " + name);
    }
}
