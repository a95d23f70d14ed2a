package eu.selfdata.tenant.modules.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Indicators over consenting citizens only, export of points and trips, erasure of every mobility row. */
class MobilityPersonalDataTest extends MobilityTest {

    private static final String INDICATORS = "/api/city/indicators/" + MODULE + "/";

    @Test
    void modalSplitCountsOnlyConsentingCitizensAndSuppressesSmallGroups() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String admin = identities.cityAdminToken(city);
        client.cityAs(admin, city, "PUT", "/api/city/privacy", Map.of("minGroupSize", 5));
        Instant morning = Instant.parse("2026-03-02T07:00:00Z");
        List<String> consenting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String citizen = identities.citizenToken(city, person("driver"));
            uploaded(citizen, city, Traces.drive(100 + i, morning, 5000));
            consent(citizen, city, "GIVEN");
            consenting.add(citizen);
        }
        String walker = identities.citizenToken(city, person("walker"));
        uploaded(
                walker,
                city,
                new Traces(200, morning)
                        .stay(java.time.Duration.ofMinutes(8))
                        .move(1500, 0, 1.3)
                        .stay(java.time.Duration.ofMinutes(8)));
        consent(walker, city, "GIVEN");
        String refuser = identities.citizenToken(city, person("refuser"));
        uploaded(refuser, city, Traces.drive(300, morning, 50_000));
        consent(refuser, city, "REFUSED");
        ageAccounts(city);

        JsonNode modal = compute(city, "mobility-modal-split-km");
        JsonNode od = compute(city, "mobility-origin-destination");

        JsonNode car = cell(modal, "CAR");
        assertThat(car.path("suppressed").asBoolean()).as("five drivers, k = 5").isFalse();
        assertThat(car.path("participants").asInt() % 5)
                .as("noised, rounded to 5")
                .isZero();
        assertThat(car.path("value").asDouble()).isNotNegative();
        assertThat(client.cityAs(refuser, city, "GET", "/api/me/access-log", null)
                        .body())
                .as("the refuser's 50 km were not read")
                .doesNotContain("AGGREGATE_JOB");
        assertThat(cell(modal, "WALK").path("suppressed").asBoolean()).isTrue();
        assertThat(cell(modal, "WALK").path("value").isNull()).isTrue();
        assertThat(od.path("cells"))
                .anySatisfy(
                        cell -> assertThat(cell.path("suppressed").asBoolean()).isFalse());
        assertThat(compute(city, "mobility-trips-per-day")
                        .path("cells")
                        .get(0)
                        .path("suppressed")
                        .asBoolean())
                .as("five drives and a walk that day")
                .isFalse();
        assertThat(compute(city, "mobility-co2e-per-participant-week")
                        .path("cells")
                        .get(0)
                        .path("group")
                        .asString())
                .isEqualTo("2026-W10");

        consent(consenting.getFirst(), city, "WITHDRAWN");
        passIndicatorPeriod(city);
        assertThat(cell(compute(city, "mobility-modal-split-km"), "CAR")
                        .path("suppressed")
                        .asBoolean())
                .isTrue();
        JsonNode log = client.cityAs(consenting.get(1), city, "GET", "/api/me/access-log", null)
                .json();
        assertThat(log.toString()).contains("trips");
    }

    @Test
    void exportHoldsPointsAndTripsAndErasureRemovesEveryMobilityRow() throws IOException {
        String city = mobilityCity("larochelle", "La Rochelle");
        String leaver = identities.citizenToken(city, person("leaver"));
        String neighbour = identities.citizenToken(city, person("neighbour"));
        Traces drive = Traces.drive(400, Instant.parse("2026-03-02T07:00:00Z"), 6000);
        uploaded(leaver, city, drive);
        uploaded(neighbour, city, Traces.drive(401, Instant.parse("2026-03-02T07:00:00Z"), 6000));
        String leaverId = citizenId(leaver, city);

        Map<String, String> files = export(leaver, city);
        assertThat(files.get("trace-points.csv").lines().count())
                .isEqualTo(drive.fixes().size() + 1);
        assertThat(files.get("trips.json")).contains("\"inferred_mode\"", "CAR", "impactco2-2025-10-16@r0");

        ServiceClient.Response erased = client.cityAs(leaver, city, "DELETE", "/api/me", Map.of("confirm", "ERASE"));

        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        for (String table : List.of(
                "mobility_trace_point", "mobility_upload", "mobility_trip", "mobility_leg", "mobility_leg_emission")) {
            assertThat(database()
                            .sql("select count(*) from " + schema(city) + "." + table + " where citizen_id = ?::uuid")
                            .param(leaverId)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(client.cityAs(neighbour, city, "GET", "/api/mobility-carbon/trips", null)
                        .json())
                .hasSize(1);
    }

    private void consent(String token, String city, String decision) {
        ServiceClient.Response response = decision.equals("WITHDRAWN")
                ? client.cityAs(token, city, "DELETE", "/api/me/consents/" + PURPOSE, null)
                : client.cityAs(token, city, "PUT", "/api/me/consents/" + PURPOSE, Map.of("decision", decision));
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
    }

    private JsonNode compute(String city, String indicator) {
        ServiceClient.Response response = client.cityAs(
                identities.cityAgentToken(city), city, "POST", INDICATORS + indicator + "/computations", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode cell(JsonNode result, String group) {
        for (JsonNode cell : result.path("cells")) {
            if (cell.path("group").asString().equals(group)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + group + " in " + result);
    }
}
