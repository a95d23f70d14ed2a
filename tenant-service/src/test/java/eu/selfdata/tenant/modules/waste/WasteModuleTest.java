package eu.selfdata.tenant.modules.waste;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import eu.selfdata.tenant.support.ServiceClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The waste module plugged into the real tenant-service by its dependency line alone: real
 * Keycloak tokens, the core's consents, access log and aggregates, the connector running for the city.
 */
class WasteModuleTest extends WasteTest {

    @Test
    void anUnverifiedAccountCannotLinkABinUntilItsAddressIsVerified() {
        String city = wasteCity("unverified");
        String name = "scripted-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String unverified = identities.unverifiedCitizenToken(city, name);
        consent(unverified, city, "GIVEN");

        ServiceClient.Response refused =
                client.cityAs(unverified, city, "POST", "/api/waste/bins", Map.of("binId", "LR-CLAIM-1"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("email-not-verified");
        assertThat(client.cityAs(unverified, city, "GET", "/api/waste/bins", null)
                        .json())
                .as("nothing stored")
                .isEmpty();

        identities.verifyEmail(name + "@" + city + ".tests.selfdata.eu");
        ServiceClient.Response linked = client.cityAs(
                identities.citizenToken(city, name), city, "POST", "/api/waste/bins", Map.of("binId", "LR-CLAIM-1"));
        assertThat(linked.status()).as("pending until proven").as(linked.body()).isEqualTo(202);
    }

    @Test
    void aCitizenLinksHerBinWithConsentThenSeesTheOperatorsWeighingsAndWhoReadThem() {
        String city = wasteCity("larochelle");
        String camille = identities.citizenToken(city);

        ServiceClient.Response refused =
                client.cityAs(camille, city, "POST", "/api/waste/bins", Map.of("binId", "LR-0001", "householdSize", 2));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("consent-required");

        consent(camille, city, "GIVEN");
        linkProven(camille, city, "LR-0001", 2);

        importFile(
                city,
                "march.csv",
                HEADER
                        + "LR-0001,2026-03-02T07:15:00+01:00,residual,12.5,R1\n"
                        + "LR-0001,2026-03-09T07:15:00+01:00,recyclables,4.5,R1\n"
                        + "LR-0999,2026-03-02T07:20:00+01:00,glass,8,R1\n"
                        + "LR-0001,2026-03-16T07:15:00+01:00,residual,-3,R1\n");

        JsonNode summary = client.cityAs(camille, city, "GET", "/api/waste/me/summary", null)
                .json();
        assertThat(summary.path("householdSize").asInt()).isEqualTo(2);
        JsonNode march = summary.path("months").get(0);
        assertThat(march.path("month").asString()).isEqualTo("2026-03");
        assertThat(march.path("kilogramsPerStream").path("RESIDUAL").asDouble()).isEqualTo(12.5);
        assertThat(march.path("kilogramsPerStream").path("RECYCLABLES").asDouble())
                .isEqualTo(4.5);
        assertThat(march.path("kilogramsPerPerson").asDouble()).isEqualTo(8.5);
        assertThat(march.path("sortingRate").asDouble()).isCloseTo(4.5 / 17, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(march.path("cityAverage").path("suppressed").asBoolean()).isTrue();
        assertThat(march.path("cityAverage").path("kilograms").isNumber()).isFalse();
        assertThat(summary.path("nationalReference").path("source").asString()).contains("ADEME");

        JsonNode accessLog =
                client.cityAs(camille, city, "GET", "/api/me/access-log", null).json();
        assertThat(accessLog.toString()).contains("waste-weighings-csv").contains("imported 2 weighing(s)");
    }

    @Test
    void afterWithdrawingTheImportConsentTheNextFileIsNotStoredForHerAndSheCanDeleteWhatWasImported() {
        String city = wasteCity("larochelle");
        String camille = identities.citizenToken(city);
        consent(camille, city, "GIVEN");
        linkProven(camille, city, "LR-0002", 1);
        importFile(city, "march.csv", HEADER + "LR-0002,2026-03-02T07:15:00+01:00,residual,10,R1\n");

        ServiceClient.Response withdrawn = client.cityAs(camille, city, "DELETE", "/api/me/consents/" + IMPORT, null);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        importFile(city, "april.csv", HEADER + "LR-0002,2026-04-02T07:15:00+02:00,residual,11,R1\n");

        String citizenId = citizenId(camille, city);
        assertThat(database()
                        .sql("select count(*) from " + schema(city) + ".waste_weighing where citizen_id = ?::uuid")
                        .param(citizenId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(database()
                        .sql("select sum(grams) from " + schema(city)
                                + ".waste_anonymous_tonnage where month = '2026-04-01'")
                        .query(Long.class)
                        .single())
                .isEqualTo(11_000);
        assertThat(client.cityAs(camille, city, "GET", "/api/waste/bins", null)
                        .json()
                        .get(0)
                        .path("importActive")
                        .asBoolean())
                .isFalse();

        ServiceClient.Response deleted = client.cityAs(camille, city, "DELETE", "/api/waste/weighings", null);
        assertThat(deleted.json().path("deleted").asInt()).isEqualTo(1);
        assertThat(client.cityAs(camille, city, "GET", "/api/waste/me/summary", null)
                        .json()
                        .path("months"))
                .isEmpty();
    }

    @Test
    void citiesKeepTheirBinsApartAndTokensOfOneCityAreRefusedOnTheOther() {
        String larochelle = wasteCity("larochelle");
        String lyon = wasteCity("lyon");
        String withoutWaste = onboard(freshSlug("paris"), "Paris");
        String camille = identities.citizenToken(larochelle);
        String lucie = identities.citizenToken(lyon);
        consent(camille, larochelle, "GIVEN");
        consent(lucie, lyon, "GIVEN");

        // The same bin id is another household's bin in another city.
        linkProven(camille, larochelle, "SAME-1", 1);
        linkProven(lucie, lyon, "SAME-1", 1);
        importFile(larochelle, "same.csv", HEADER + "SAME-1,2026-03-02T07:15:00+01:00,glass,5,R1\n");

        assertThat(database()
                        .sql("select count(*) from " + schema(lyon) + ".waste_weighing")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(client.cityAs(lucie, lyon, "GET", "/api/waste/me/summary", null)
                        .json()
                        .path("months"))
                .isEmpty();
        assertThat(client.cityAs(camille, larochelle, "GET", "/api/waste/me/summary", null)
                        .json()
                        .path("months"))
                .hasSize(1);

        for (String path : List.of(
                "/api/waste/bins", "/api/waste/me/summary", "/api/waste/city/bins-to-collect", "/api/connectors")) {
            ServiceClient.Response wrongCity = client.cityAs(camille, lyon, "GET", path, null);
            assertThat(wrongCity.status()).as(path).isEqualTo(403);
            assertThat(wrongCity.problemType()).as(path).isEqualTo("wrong-city");
        }
        ServiceClient.Response notEnabled =
                client.cityAs(identities.citizenToken(withoutWaste), withoutWaste, "GET", "/api/waste/bins", null);
        assertThat(notEnabled.status()).isEqualTo(404);
        assertThat(notEnabled.problemType()).isEqualTo("module-not-enabled");
        assertThat(client.cityAs(lucie, lyon, "DELETE", "/api/waste/bins/NOT-MINE", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theCityAdminSeesTheConnectorsHealthAndRetriesOrDiscardsDeadLettersOfHerCityOnly() {
        String larochelle = wasteCity("larochelle");
        String lyon = wasteCity("lyon");
        String admin = identities.cityAdminToken(larochelle);
        importFile(
                larochelle,
                "bad.csv",
                HEADER
                        + "LR-0003,2026-03-02T07:30:00+01:00,residual,-3,R1\n"
                        + "LR-0004,2026-03-02T07:35:00+01:00,plastic,3,R1\n");

        JsonNode connectorsOfCity =
                client.cityAs(admin, larochelle, "GET", "/api/connectors", null).json();
        JsonNode csv = find(connectorsOfCity, "waste-weighings-csv");
        assertThat(csv.path("enabled").asBoolean()).isTrue();
        assertThat(csv.path("health").path("status").asString()).isEqualTo("UP");
        assertThat(csv.path("health").path("openDeadLetters").asInt()).isEqualTo(2);
        JsonNode password = setting(find(connectorsOfCity, "waste-weighings-sftp"), "password");
        assertThat(password.path("secret").asBoolean()).isTrue();
        assertThat(password.path("secretSet").asBoolean()).isFalse();
        assertThat(password.path("value").isNull()).isTrue();
        assertThat(client.cityAs(identities.citizenToken(larochelle), larochelle, "GET", "/api/connectors", null)
                        .status())
                .isEqualTo(403);

        JsonNode letters = client.cityAs(admin, larochelle, "GET", "/api/connectors/dead-letters?status=OPEN", null)
                .json();
        assertThat(letters).hasSize(2);
        long negative = findLine(letters, 2).path("id").asLong();
        long plastic = findLine(letters, 3).path("id").asLong();

        // Another city's admin sees none of them, even by id.
        String lyonAdmin = identities.cityAdminToken(lyon);
        assertThat(client.cityAs(lyonAdmin, lyon, "GET", "/api/connectors/dead-letters", null)
                        .json())
                .isEmpty();
        assertThat(client.cityAs(lyonAdmin, lyon, "POST", "/api/connectors/dead-letters/" + negative + "/discard", null)
                        .status())
                .isEqualTo(404);

        ServiceClient.Response stillBad =
                client.cityAs(admin, larochelle, "POST", "/api/connectors/dead-letters/" + negative + "/retry", null);
        assertThat(stillBad.status()).isEqualTo(422);
        assertThat(stillBad.problemType()).isEqualTo("retry-failed");
        ServiceClient.Response fixed = client.cityAs(
                admin,
                larochelle,
                "POST",
                "/api/connectors/dead-letters/" + negative + "/retry",
                Map.of("record", "LR-0003,2026-03-02T07:30:00+01:00,residual,3,R1"));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().path("status").asString()).isEqualTo("RETRIED");
        assertThat(client.cityAs(
                                admin, larochelle, "POST", "/api/connectors/dead-letters/" + plastic + "/discard", null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("DISCARDED");
        assertThat(client.cityAs(
                                admin, larochelle, "POST", "/api/connectors/dead-letters/" + plastic + "/discard", null)
                        .status())
                .isEqualTo(409);
        assertThat(database()
                        .sql("select sum(grams) from " + schema(larochelle) + ".waste_anonymous_tonnage")
                        .query(Long.class)
                        .single())
                .isEqualTo(3_000);

        ServiceClient.Response unknownParameter = client.cityAs(
                admin,
                larochelle,
                "PUT",
                "/api/connectors/waste-weighings-csv",
                Map.of("settings", Map.of("inboxx", "/tmp")));
        assertThat(unknownParameter.status()).isEqualTo(400);
        assertThat(unknownParameter.problemType()).isEqualTo("invalid-setting");
        ServiceClient.Response semicolons = client.cityAs(
                admin,
                larochelle,
                "PUT",
                "/api/connectors/waste-weighings-csv",
                Map.of("enabled", true, "settings", Map.of("delimiter", ";", "encoding", "ISO-8859-1")));
        assertThat(semicolons.status()).as(semicolons.body()).isEqualTo(200);
        assertThat(setting(semicolons.json(), "delimiter").path("value").asString())
                .isEqualTo(";");
        importFile(
                larochelle,
                "latin1.csv",
                "bin_id;timestamp;stream;weight_kg;round\nLR-9;2026-03-05 08:00;biodéchets;1,5;Tournée 3\n",
                StandardCharsets.ISO_8859_1);
        assertThat(database()
                        .sql("select sum(grams) from " + schema(larochelle)
                                + ".waste_anonymous_tonnage where stream = 'BIOWASTE'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1_500);
    }

    @Test
    void cityStaffSeeTheBinsToCollectAndCitizensDoNot() {
        String city = wasteCity("larochelle");
        database()
                .sql(
                        "insert into " + schema(city) + ".waste_bin_fill (bin_id, measured_at, fill_percent) values "
                                + "('PB-1', now() - interval '2 hours', 60), ('PB-1', now() - interval '1 hour', 85), ('PB-2', now(), 40)")
                .update();

        ServiceClient.Response bins =
                client.cityAs(identities.cityAdminToken(city), city, "GET", "/api/waste/city/bins-to-collect", null);
        assertThat(bins.status()).isEqualTo(200);
        assertThat(bins.json()).hasSize(1);
        assertThat(bins.json().get(0).path("binId").asString()).isEqualTo("PB-1");
        assertThat(bins.json().get(0).path("suggestion").asString()).isEqualTo("collect-today");
        assertThat(client.cityAs(identities.citizenToken(city), city, "GET", "/api/waste/city/bins-to-collect", null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aCitizenSeesTheNextCollectionsOfHerStreetFromTheCitysOpenData() throws IOException {
        String city = wasteCity("larochelle");
        HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/", exchange -> {
            byte[] body = """
                    {"results": [{"street": "Rue du Palais", "stream": "OMR", "day": "lundi"},
                                 {"street": "Rue du Palais", "stream": "verre", "day": 4}]}""".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        portal.start();
        try {
            // The stand-in portal is on the loopback: only the coordinator's allow-list lets this city's connector call
            // it.
            assertThat(client.platform(
                                    "PUT",
                                    "/platform/tenants/" + city + "/outbound-hosts",
                                    Map.of("hosts", List.of("127.0.0.1")))
                            .status())
                    .isEqualTo(200);
            ServiceClient.Response configured = client.cityAs(
                    identities.cityAdminToken(city),
                    city,
                    "PUT",
                    "/api/connectors/waste-collection-calendar",
                    Map.of(
                            "enabled",
                            true,
                            "settings",
                            Map.of(
                                    "url",
                                    "http://127.0.0.1:" + portal.getAddress().getPort() + "/collecte",
                                    "pollInterval",
                                    "1h")));
            assertThat(configured.status()).as(configured.body()).isEqualTo(200);
            String camille = identities.citizenToken(city);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(client.cityAs(
                                            camille,
                                            city,
                                            "GET",
                                            "/api/waste/collections?street=rue%20du%20palais",
                                            null)
                                    .json())
                            .hasSize(2));
            JsonNode next = client.cityAs(camille, city, "GET", "/api/waste/collections?street=rue%20du%20palais", null)
                    .json();
            assertThat(List.of(
                            next.get(0).path("stream").asString(),
                            next.get(1).path("stream").asString()))
                    .containsExactlyInAnyOrder("RESIDUAL", "GLASS");
            assertThat(next.get(0).path("date").asString())
                    .isLessThanOrEqualTo(next.get(1).path("date").asString());
            assertThat(client.cityAs(camille, city, "GET", "/api/waste/collections?street=%20", null)
                            .status())
                    .isEqualTo(400);
        } finally {
            portal.stop(0);
        }
    }

    @Test
    void theCoordinatorSeesOneHealthIndicatorPerConnectorInstance() {
        String city = wasteCity("larochelle");
        importFile(city, "ok.csv", HEADER + "LR-1,2026-03-02T07:15:00+01:00,glass,5,R1\n");
        assertThat(client.raw("GET", "/actuator/health/connectors")
                        .json()
                        .path("components")
                        .has(city + ".waste-bin-telemetry"))
                .as("off until the city's broker password is set")
                .isFalse();
        ServiceClient.Response telemetry = client.cityAs(
                identities.cityAdminToken(city),
                city,
                "PUT",
                "/api/connectors/waste-bin-telemetry",
                Map.of("enabled", true, "settings", Map.of("brokerPassword", "sensors-" + city)));
        assertThat(telemetry.status()).as(telemetry.body()).isEqualTo(200);

        JsonNode health = client.raw("GET", "/actuator/health/connectors").json();
        JsonNode csv = health.path("components").path(city + ".waste-weighings-csv");
        assertThat(csv.path("status").asString()).isEqualTo("UP");
        assertThat(csv.path("details").path("city").asString()).isEqualTo(city);
        assertThat(csv.path("details").has("lastSuccess")).isTrue();
        assertThat(health.path("components")
                        .path(city + ".waste-bin-telemetry")
                        .path("status")
                        .asString())
                .isEqualTo("UP");
    }

    private static JsonNode find(JsonNode connectors, String template) {
        for (JsonNode connector : connectors) {
            if (template.equals(connector.path("template").asString())) {
                return connector;
            }
        }
        throw new AssertionError("no connector " + template + " in " + connectors);
    }

    private static JsonNode findLine(JsonNode letters, long line) {
        for (JsonNode letter : letters) {
            if (letter.path("lineNumber").asLong() == line) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter for line " + line + " in " + letters);
    }

    private static JsonNode setting(JsonNode connector, String name) {
        for (JsonNode setting : connector.path("settings")) {
            if (setting.path("name").asString().equals(name)) {
                return setting;
            }
        }
        throw new AssertionError("no setting " + name + " in " + connector);
    }
}
