package eu.selfdata.tenant.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.testmodule.ObservationsModule;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExportThenEraseTest extends SelfDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void exportHoldsEveryCategoryAsJsonAndCsvWithReceiptsAndAccessLog() throws IOException {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("camille"));
        observe(token, city, "bike", 2.5);
        observe(token, city, "walk", 1);
        giveConsent(token, city);

        Map<String, String> files = export(token, city);

        assertThat(files)
                .containsKeys(
                        "manifest.json",
                        "profile.json",
                        "profile.csv",
                        "observations.json",
                        "observations.csv",
                        "consent-receipts.json",
                        "consent-receipts.csv",
                        "access-log.json",
                        "access-log.csv");
        JsonNode observations = JSON.readTree(files.get("observations.json"));
        assertThat(observations).hasSize(2);
        assertThat(observations.get(0).path("kind").asString()).isEqualTo("bike");
        assertThat(files.get("observations.csv").lines().toList())
                .hasSize(3)
                .first()
                .asString()
                .startsWith("id,citizen_id,kind,value");
        assertThat(JSON.readTree(files.get("consent-receipts.json"))
                        .get(0)
                        .path("receipt")
                        .path("purpose")
                        .path("id")
                        .asString())
                .isEqualTo(ObservationsModule.PURPOSE);
        assertThat(JSON.readTree(files.get("access-log.json"))
                        .get(0)
                        .path("accessor_kind")
                        .asString())
                .isEqualTo("EXPORT");
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.path("citizen").asString()).isEqualTo(citizenId(token, city));
        assertThat(manifest.path("categories").findValuesAsString("id"))
                .contains("observations", "profile", "consent-receipts", "access-log");
    }

    @Test
    void citizenExportsThenErasesAndNoRowAboutThemRemainsWhileOthersAreUntouched() throws IOException {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String otherCity = cityWithObservations("lyon", "Lyon");
        String leaverName = person("leaver");
        String leaver = identities.citizenToken(city, leaverName);
        String neighbour = identities.citizenToken(city, person("neighbour"));
        String sameNameElsewhere = identities.citizenToken(otherCity, leaverName);
        for (String[] who : new String[][] {{leaver, city}, {neighbour, city}, {sameNameElsewhere, otherCity}}) {
            observe(who[0], who[1], "bike", 3);
            giveConsent(who[0], who[1]);
        }
        client.cityAs(
                identities.cityAgentToken(city),
                city,
                "POST",
                "/api/city/indicators/" + ObservationsModule.ID + "/" + ObservationsModule.INDICATOR + "/computations",
                null);
        String leaverId = citizenId(leaver, city);
        Map<String, Integer> otherCityBefore = rowsPerTable(otherCity);
        assertThat(export(leaver, city).get("observations.json")).contains("bike");

        ServiceClient.Response unconfirmed = client.cityAs(leaver, city, "DELETE", "/api/me", null);
        assertThat(unconfirmed.status()).isEqualTo(422);
        ServiceClient.Response erased = client.cityAs(leaver, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"));

        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertThat(erased.json().path("state").asString()).isEqualTo("DONE");
        for (String table : tablesWithCitizenColumn(city)) {
            assertThat(database()
                            .sql("select count(*) from " + schema(city) + "." + table + " where citizen_id = ?::uuid")
                            .param(leaverId)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(database()
                        .sql("select count(*) from " + schema(city) + ".citizen where id = ?::uuid")
                        .param(leaverId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(database()
                        .sql("select count(*) from " + schema(city)
                                + ".access_log where citizen_id is null and reason is null")
                        .query(Integer.class)
                        .single())
                .as("the city keeps unlinked entries")
                .isPositive();
        assertThat(client.cityAs(neighbour, city, "GET", "/api/observations", null)
                        .json())
                .hasSize(1);
        assertThat(client.cityAs(neighbour, city, "GET", "/api/me/consent-receipts", null)
                        .json())
                .hasSize(1);
        assertThat(rowsPerTable(otherCity)).isEqualTo(otherCityBefore);
        assertThat(client.cityAs(sameNameElsewhere, otherCity, "GET", "/api/observations", null)
                        .json())
                .hasSize(1);
        assertThat(identities.userExists(leaverName + "@" + city + ".tests.selfdata.eu"))
                .isFalse();
    }

    @Test
    void aTokenIssuedBeforeTheErasureCannotReopenTheAccount() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        String token = identities.citizenToken(city, person("leaver"));
        citizenId(token, city);
        assertThat(client.cityAs(token, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"))
                        .status())
                .isEqualTo(202);

        ServiceClient.Response again = client.cityAs(token, city, "GET", "/api/me", null);

        assertThat(again.status()).isEqualTo(410);
        assertThat(again.problemType()).isEqualTo("account-erased");
        assertThat(database()
                        .sql("select count(*) from " + schema(city) + ".citizen")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private List<String> tablesWithCitizenColumn(String city) {
        return database()
                .sql(
                        "select table_name from information_schema.columns where table_schema = ? and column_name = 'citizen_id'")
                .param(schemaName(city))
                .query(String.class)
                .list();
    }

    private Map<String, Integer> rowsPerTable(String city) {
        Map<String, Integer> rows = new HashMap<>();
        for (String table : database()
                .sql(
                        "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'")
                .param(schemaName(city))
                .query(String.class)
                .list()) {
            rows.put(
                    table,
                    database()
                            .sql("select count(*) from " + schema(city) + ".\"" + table + "\"")
                            .query(Integer.class)
                            .single());
        }
        return rows;
    }

    private static String schemaName(String city) {
        return eu.selfdata.tenant.tenancy.TenantId.of(city).schemaName();
    }
}
