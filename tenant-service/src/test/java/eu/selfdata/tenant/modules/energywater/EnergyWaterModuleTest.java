package eu.selfdata.tenant.modules.energywater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.mailbox.Mail;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The energy-water module plugged into the real tenant-service by its dependency line alone: real Keycloak tokens,
 * the core's consents, export and erasure, a citizen's Enedis file imported into her meter and shown priced and
 * counted; and nothing of it reachable from another citizen, another city or a token of another city.
 */
class EnergyWaterModuleTest extends SelfDataTest {

    static final String MODULE = "energy-water";
    static final String ELECTRICITY_IMPORT = "energy-water-electricity-import";
    static final String PRM = "12345678901234";
    static final String ENEDIS_HEADER =
            "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite;Pas en minutes\n";

    /** Three days of energy in Wh, as the customer area exports them. */
    static String dailyFile(String prm, String... rows) {
        return ENEDIS_HEADER
                + prm
                + ";Consommation journalière;01/03/2026;04/03/2026;Energie active;Consommation;Comptage Brut;Wh;\n"
                + "Horodate;Valeur\n"
                + String.join("\n", rows) + "\n";
    }

    static final String MARCH = dailyFile(
            PRM,
            "2026-03-01T00:00:00+01:00;10000",
            "2026-03-02T00:00:00+01:00;12500",
            "2026-03-03T00:00:00+01:00;8000");

    @Test
    void aCitizenImportsHerEnedisFileIntoHerMeterAndSeesItPricedAndCountedAndABadFileChangesNothing() {
        String city = onboard(freshSlug("lyon"), "Lyon", List.of(MODULE));
        String camille = identities.citizenToken(city);

        ServiceClient.Response refused = linkElectricity(camille, city);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("consent-required");

        consent(camille, city);
        ServiceClient.Response linked = linkElectricity(camille, city);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        String meter = linked.json().path("id").asString();

        ServiceClient.Response imported = upload(camille, city, meter, MARCH);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("days").asInt()).isEqualTo(3);
        assertThat(upload(camille, city, meter, MARCH).status())
                .as("the same file again replaces, adds nothing")
                .isEqualTo(201);
        assertThat(rows(city, "ew_daily")).isEqualTo(3);

        JsonNode march = electricityTotal(camille, city);
        // 10 + 12.5 + 8 = 30.5 kWh; × 0.1940 €/kWh = 5.917 €; × 0.052 kg/kWh = 1.586 kg
        assertThat(march.path("quantity").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(march.path("euros").decimalValue()).isEqualByComparingTo("5.92");
        assertThat(march.path("kgCo2e").decimalValue()).isEqualByComparingTo("1.586");

        ServiceClient.Response badRow = upload(
                camille,
                city,
                meter,
                dailyFile(PRM, "2026-03-01T00:00:00+01:00;99999", "2026-03-02T00:00:00+01:00;lots"));
        assertThat(badRow.status()).as(badRow.body()).isEqualTo(422);
        assertThat(badRow.problemType()).isEqualTo("bad-reading-file");
        assertThat(badRow.json().path("line").asInt()).isEqualTo(5);
        ServiceClient.Response otherMeter =
                upload(camille, city, meter, dailyFile("98765432109876", "2026-03-01T00:00:00+01:00;99999"));
        assertThat(otherMeter.status()).isEqualTo(422);
        assertThat(otherMeter.body()).doesNotContain("98765432109876").doesNotContain(PRM);
        assertThat(electricityTotal(camille, city).path("quantity").decimalValue())
                .as("a refused file leaves what was stored as it was")
                .isEqualByComparingTo("30.5");

        ServiceClient.Response withdrawn =
                client.cityAs(camille, city, "DELETE", "/api/me/consents/" + ELECTRICITY_IMPORT, null);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        ServiceClient.Response stopped = upload(camille, city, meter, MARCH);
        assertThat(stopped.status()).isEqualTo(409);
        JsonNode kept = client.cityAs(camille, city, "GET", "/api/energy-water/meters/" + meter, null)
                .json();
        assertThat(kept.path("importActive").asBoolean()).isFalse();
        assertThat(kept.path("days").asInt()).as("kept until she deletes them").isEqualTo(3);
        assertThat(client.cityAs(camille, city, "DELETE", "/api/energy-water/meters/" + meter + "/readings", null)
                        .status())
                .isEqualTo(200);
        assertThat(rows(city, "ew_daily")).isZero();
    }

    @Test
    void anotherCitizenAnotherCityAndATokenOfAnotherCityReachNothingOfHerMeter() {
        String lyon = onboard(freshSlug("lyon"), "Lyon", List.of(MODULE));
        String larochelle = onboard(freshSlug("larochelle"), "La Rochelle", List.of(MODULE));
        String withoutModule = onboard(freshSlug("niort"), "Niort", List.of());
        String camille = identities.citizenToken(lyon);
        String lucie = identities.citizenToken(lyon, person("lucie"));
        String sacha = identities.citizenToken(larochelle);
        consent(camille, lyon);
        consent(sacha, larochelle);
        String meter = linkElectricity(camille, lyon).json().path("id").asString();
        assertThat(upload(camille, lyon, meter, MARCH).status()).isEqualTo(201);
        // The same meter number in the other city: its own meter, its own id.
        assertThat(linkElectricity(sacha, larochelle).status()).isEqualTo(201);

        for (String[] attempt : List.of(
                new String[] {lucie, lyon}, new String[] {sacha, larochelle}, new String[] {camille, larochelle})) {
            String token = attempt[0];
            String host = attempt[1];
            for (String[] request : List.of(
                    new String[] {"GET", "/api/energy-water/meters/" + meter},
                    new String[] {"GET", "/api/energy-water/meters/" + meter + "/curve?from=2026-03-01&to=2026-03-02"},
                    new String[] {"DELETE", "/api/energy-water/meters/" + meter + "/readings"},
                    new String[] {"DELETE", "/api/energy-water/meters/" + meter})) {
                ServiceClient.Response response = client.cityAs(token, host, request[0], request[1], null);
                assertThat(response.status())
                        .as(request[0] + " " + request[1] + " on " + host)
                        .isIn(403, 404);
                if (token.equals(camille)) {
                    assertThat(response.problemType()).isEqualTo("wrong-city");
                }
            }
            assertThat(upload(token, host, meter, MARCH).status()).isIn(403, 404);
        }
        assertThat(client.cityAs(lucie, lyon, "GET", "/api/energy-water/meters", null)
                        .json())
                .isEmpty();
        assertThat(client.cityAs(sacha, larochelle, "GET", "/api/energy-water/consumption?granularity=YEAR", null)
                        .json()
                        .path("allFluids")
                        .path("total")
                        .isNull())
                .isTrue();
        assertThat(rows(lyon, "ew_daily")).isEqualTo(3);

        ServiceClient.Response price = client.cityAs(
                identities.cityAdminToken(larochelle),
                larochelle,
                "PUT",
                "/api/energy-water/city/tariffs/ELECTRICITY/2026-03-01",
                Map.of("pricePerUnit", 0.25, "label", "Offre locale", "source", "Conseil municipal"));
        assertThat(price.status()).as(price.body()).isEqualTo(200);
        assertThat(electricityTotal(camille, lyon).path("euros").decimalValue())
                .as("La Rochelle's price is not Lyon's")
                .isEqualByComparingTo("5.92");
        assertThat(client.cityAs(
                                identities.cityAdminToken(larochelle),
                                lyon,
                                "PUT",
                                "/api/energy-water/city/tariffs/ELECTRICITY/2026-03-01",
                                Map.of("pricePerUnit", 0.01, "label", "x", "source", "y"))
                        .problemType())
                .isEqualTo("wrong-city");
        assertThat(client.cityAs(
                                camille,
                                lyon,
                                "PUT",
                                "/api/energy-water/city/tariffs/ELECTRICITY/2026-03-01",
                                Map.of("pricePerUnit", 0.01, "label", "x", "source", "y"))
                        .status())
                .isEqualTo(403);

        ServiceClient.Response notEnabled = client.cityAs(
                identities.citizenToken(withoutModule), withoutModule, "GET", "/api/energy-water/meters", null);
        assertThat(notEnabled.status()).isEqualTo(404);
        assertThat(notEnabled.problemType()).isEqualTo("module-not-enabled");
    }

    @Test
    void herExportHoldsHerMetersAndReadingsAndErasureRemovesThemAll() throws IOException {
        String city = onboard(freshSlug("lyon"), "Lyon", List.of(MODULE));
        String leaver = identities.citizenToken(city, person("leaver"));
        String neighbour = identities.citizenToken(city, person("neighbour"));
        for (String token : List.of(leaver, neighbour)) {
            consent(token, city);
            String meter = linkElectricity(token, city).json().path("id").asString();
            assertThat(upload(token, city, meter, MARCH).status()).isEqualTo(201);
        }
        waterMeterWithAlerts(leaver, city);
        String leaverId = citizenId(leaver, city);

        Map<String, String> files = export(leaver, city);
        assertThat(files.get("energy-water-meters.csv")).contains(PRM);
        assertThat(files.get("energy-water-daily-consumption.csv").lines())
                .as("a header, three days of electricity and three of water")
                .hasSize(7);
        assertThat(files.get("energy-water-imports.csv")).contains("ENEDIS", "WATER_CSV");
        assertThat(files.get("energy-water-leak-alerts.csv").lines())
                .as("a header and two days")
                .hasSize(3);
        assertThat(files.get("energy-water-water-threshold.csv")).contains("150");

        ServiceClient.Response erased = client.cityAs(leaver, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String table : List.of(
                    "ew_meter",
                    "ew_daily",
                    "ew_curve",
                    "ew_max_power",
                    "ew_import",
                    "ew_alert",
                    "ew_water_threshold")) {
                assertThat(database()
                                .sql("select count(*) from " + schema(city) + "." + table
                                        + " where citizen_id = ?::uuid")
                                .param(leaverId)
                                .query(Long.class)
                                .single())
                        .as(table)
                        .isZero();
            }
        });
        assertThat(rows(city, "ew_daily")).as("the neighbour's stay").isEqualTo(3);
    }

    @Test
    void thePageShowsHerMetersAndConsumptionInHerLanguageOnlyWhereTheModuleIsOn() {
        String city = onboard(freshSlug("lyon"), "Lyon", List.of(MODULE));
        String camille = identities.citizenToken(city);
        consent(camille, city);
        String meter = linkElectricity(camille, city).json().path("id").asString();
        assertThat(upload(camille, city, meter, MARCH).status()).isEqualTo(201);

        ServiceClient.Response french = client.pageAs(camille, city, "fr", "/my/energy-water");
        assertThat(french.status()).isEqualTo(200);
        assertThat(french.body()).contains("Mon énergie et mon eau", PRM, "Électricité", "ADEME");
        ServiceClient.Response english = client.pageAs(camille, city, "en", "/my/energy-water");
        assertThat(english.body()).contains("My energy and water", "Link a meter", "Electricity");

        String elsewhere = onboard(freshSlug("niort"), "Niort", List.of());
        assertThat(client.pageAs(identities.citizenToken(elsewhere), elsewhere, "fr", "/my/energy-water")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theHostKnowsTheModuleByItsDependencyLineAloneAndOffersItsPurposesAndIndicators() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            assertThat(files.filter(Files::isRegularFile).filter(file -> {
                        try {
                            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                            return text.contains(MODULE) || text.contains("energywater");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }))
                    .as("tenant-service's sources never name the module")
                    .isEmpty();
        }
        assertThat(Files.readString(Path.of("pom.xml")).split("<artifactId>energy-water</artifactId>", -1))
                .as("one dependency line")
                .hasSize(2);

        String city = onboard(freshSlug("lyon"), "Lyon", List.of(MODULE));
        assertThat(client.pageAs(identities.citizenToken(city), city, "fr", "/my/consents")
                        .body())
                .contains(
                        "Importer la consommation de mon compteur d&#39;électricité",
                        "Importer la consommation de mon compteur de gaz",
                        "Importer la consommation de mon compteur d&#39;eau",
                        "Compter ma consommation dans les statistiques de la ville");
        assertThat(client.cityAs(identities.cityAdminToken(city), city, "GET", "/api/city/indicators", null)
                        .body())
                .contains("energy-water-kwh-per-household-month", "energy-water-litres-per-household-month");
    }

    @Test
    void aWaterThresholdRaisesLeakAlertsThatOnlyItsCitizenSeesAndMarks() {
        String lyon = onboard(freshSlug("lyon"), "Lyon", List.of(MODULE));
        String larochelle = onboard(freshSlug("larochelle"), "La Rochelle", List.of(MODULE));
        String camille = identities.citizenToken(lyon);
        String lucie = identities.citizenToken(lyon, person("lucie"));

        ServiceClient.Response tooHigh = client.cityAs(
                camille, lyon, "PUT", "/api/energy-water/alerts/water-threshold", Map.of("litresPerDay", 100_001));
        assertThat(tooHigh.status()).isEqualTo(400);
        waterMeterWithAlerts(camille, lyon);

        JsonNode alerts = client.cityAs(camille, lyon, "GET", "/api/energy-water/alerts", null)
                .json();
        // 200 and 151 litres passed the 150-litre threshold; 123 did not
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).path("day").asString()).isEqualTo("2026-01-04");
        assertThat(alerts.get(0).path("litres").asLong()).isEqualTo(200);
        long alert = alerts.get(0).path("id").asLong();
        assertThat(client.pageAs(camille, lyon, "fr", "/my/energy-water").body())
                .contains("Fuite possible : 200 litres d&#39;eau le 2026-01-04");
        Mail mail = identities
                .mailbox()
                .await(
                        "citizen@" + lyon + ".tests.selfdata.eu",
                        any -> any.subject().equals("Fuite d'eau possible"),
                        Duration.ofSeconds(30));
        assertThat(mail.text()).contains("2 jour(s)", "150 litres", "2026-01-04 (200 L), 2026-01-03 (151 L)");
        assertThat(client.cityAs(camille, lyon, "GET", "/api/me/access-log", null)
                        .body())
                .as("the mail is in her access log")
                .contains("Fuite d'eau possible");

        assertThat(client.cityAs(lucie, lyon, "POST", "/api/energy-water/alerts/" + alert + "/seen", null)
                        .status())
                .isEqualTo(404);
        assertThat(client.cityAs(lucie, lyon, "GET", "/api/energy-water/alerts", null)
                        .json())
                .isEmpty();
        ServiceClient.Response wrongCity =
                client.cityAs(camille, larochelle, "POST", "/api/energy-water/alerts/" + alert + "/seen", null);
        assertThat(wrongCity.problemType()).isEqualTo("wrong-city");
        String sacha = identities.citizenToken(larochelle);
        assertThat(client.cityAs(sacha, larochelle, "POST", "/api/energy-water/alerts/" + alert + "/seen", null)
                        .status())
                .isEqualTo(404);

        assertThat(client.cityAs(camille, lyon, "POST", "/api/energy-water/alerts/" + alert + "/seen", null)
                        .status())
                .isEqualTo(204);
        assertThat(client.cityAs(camille, lyon, "GET", "/api/energy-water/alerts", null)
                        .json()
                        .get(1)
                        .path("seenAt")
                        .isNull())
                .as("seen ones last")
                .isFalse();
    }

    /** A water meter, a 150-litre threshold and a week of water with two days above it; returns the meter's id. */
    private String waterMeterWithAlerts(String token, String city) {
        ServiceClient.Response given = client.cityAs(
                token, city, "PUT", "/api/me/consents/energy-water-water-import", Map.of("decision", "GIVEN"));
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(client.cityAs(
                                token,
                                city,
                                "PUT",
                                "/api/energy-water/alerts/water-threshold",
                                Map.of("litresPerDay", 150))
                        .status())
                .isEqualTo(200);
        String meter = client.cityAs(
                        token,
                        city,
                        "POST",
                        "/api/energy-water/meters",
                        Map.of("fluid", "WATER", "identifier", "W-123456"))
                .json()
                .path("id")
                .asString();
        ServiceClient.Response imported = client.uploadAs(
                token,
                city,
                "/api/energy-water/meters/" + meter + "/readings",
                "text/csv",
                "Date;Consommation (litres)\n2026-01-01;123\n2026-01-03;150,5\n2026-01-04;200\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        return meter;
    }

    private void consent(String token, String city) {
        ServiceClient.Response given = client.cityAs(
                token, city, "PUT", "/api/me/consents/" + ELECTRICITY_IMPORT, Map.of("decision", "GIVEN"));
        assertThat(given.status()).as(given.body()).isEqualTo(200);
    }

    private ServiceClient.Response linkElectricity(String token, String city) {
        return client.cityAs(
                token, city, "POST", "/api/energy-water/meters", Map.of("fluid", "ELECTRICITY", "identifier", PRM));
    }

    private ServiceClient.Response upload(String token, String city, String meter, String file) {
        return client.uploadAs(
                token,
                city,
                "/api/energy-water/meters/" + meter + "/readings",
                "text/csv",
                file.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode electricityTotal(String token, String city) {
        JsonNode report = client.cityAs(
                        token,
                        city,
                        "GET",
                        "/api/energy-water/consumption?granularity=MONTH&from=2026-03-01&to=2026-03-31&fluid=ELECTRICITY",
                        null)
                .json();
        return report.path("fluids").get(0).path("series").path("total");
    }

    private long rows(String city, String table) {
        return database()
                .sql("select count(*) from " + schema(city) + "." + table)
                .query(Long.class)
                .single();
    }
}
