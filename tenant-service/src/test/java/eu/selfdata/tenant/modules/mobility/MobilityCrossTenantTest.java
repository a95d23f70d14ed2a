package eu.selfdata.tenant.modules.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.ServiceClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every mobility-carbon endpoint across cities, citizens and roles. */
class MobilityCrossTenantTest extends MobilityTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T07:00:00Z");

    record Call(String method, String path, Object body) {}

    private static List<Call> citizenCalls(long tripId, long legId) {
        return List.of(
                new Call(
                        "POST",
                        "/api/mobility-carbon/traces",
                        "{\"points\":[{\"lat\":46,\"lon\":-1,\"time\":\"2026-03-02T07:00:01Z\"}]}"),
                new Call("GET", "/api/mobility-carbon/trips", null),
                new Call("GET", "/api/mobility-carbon/trips/" + tripId, null),
                new Call("PUT", "/api/mobility-carbon/legs/" + legId + "/mode", Map.of("mode", "BUS")),
                new Call("GET", "/api/mobility-carbon/legs/" + legId + "/emissions", null),
                new Call("GET", "/api/mobility-carbon/budget", null),
                new Call("GET", "/api/mobility-carbon/factors", null),
                new Call("POST", "/api/mobility-carbon/takeout/uploads", null),
                new Call(
                        "POST",
                        "/api/mobility-carbon/takeout/imports",
                        Map.of("upload", "7d3c2c4e-7f0a-4a52-9a37-3f1f0b6f5f10")),
                new Call("GET", "/api/mobility-carbon/takeout/imports", null),
                new Call("GET", "/api/mobility-carbon/takeout/imports/" + tripId, null),
                new Call("POST", "/api/mobility-carbon/takeout/imports/" + tripId + "/cancel", null),
                new Call("GET", "/api/mobility-carbon/exports/trips.gpx?from=2026-03-02", null),
                new Call("GET", "/api/mobility-carbon/exports/trips.geojson", null));
    }

    private static final List<Call> ADMIN_CALLS = List.of(
            new Call("GET", "/api/mobility-carbon/settings/budget-rules", null),
            new Call(
                    "PUT",
                    "/api/mobility-carbon/settings/budget-rules",
                    Map.of("effectiveFrom", "2026-03-02", "weeklyBudgetG", 1, "creditsPerKgUnused", 1)),
            new Call("PUT", "/api/mobility-carbon/settings/factors", Map.of("factorSet", "base-carbone-coach-co2")),
            new Call("POST", "/api/mobility-carbon/settings/factors/recompute", null),
            new Call("GET", "/api/city/indicators/" + MODULE + "/mobility-modal-split-km", null),
            new Call("POST", "/api/city/indicators/" + MODULE + "/mobility-modal-split-km/computations", null),
            new Call("GET", "/api/mobility-carbon/settings/basemap", null),
            new Call(
                    "PUT",
                    "/api/mobility-carbon/settings/basemap",
                    Map.of(
                            "tileUrl",
                            "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                            "attribution",
                            "© OpenStreetMap contributors")),
            new Call("DELETE", "/api/mobility-carbon/settings/basemap", null));

    @Test
    void sameTripAndLegIdsInTwoCitiesAreEachOnlyReachableByTheirOwner() {
        String rochelle = mobilityCity("larochelle", "La Rochelle");
        String lyon = mobilityCity("lyon", "Lyon");
        String name = person("twin");
        String inRochelle = identities.citizenToken(rochelle, name);
        String inLyon = identities.citizenToken(lyon, name);
        uploaded(inRochelle, rochelle, Traces.drive(11, MORNING, 6000));
        uploaded(inLyon, lyon, Traces.drive(12, MORNING, 9000));
        var rochelleTrip = client.cityAs(inRochelle, rochelle, "GET", "/api/mobility-carbon/trips", null)
                .json()
                .get(0);
        var lyonTrip = client.cityAs(inLyon, lyon, "GET", "/api/mobility-carbon/trips", null)
                .json()
                .get(0);
        assertThat(rochelleTrip.path("id").asLong())
                .isEqualTo(lyonTrip.path("id").asLong());

        assertThat(client.cityAs(
                                inLyon,
                                lyon,
                                "GET",
                                "/api/mobility-carbon/trips/"
                                        + lyonTrip.path("id").asLong(),
                                null)
                        .json()
                        .path("distanceM")
                        .asLong())
                .isEqualTo(lyonTrip.path("distanceM").asLong())
                .isNotEqualTo(rochelleTrip.path("distanceM").asLong());
        for (Call call : citizenCalls(
                rochelleTrip.path("id").asLong(),
                rochelleTrip.path("legs").get(0).path("id").asLong())) {
            ServiceClient.Response response = client.cityAs(inRochelle, lyon, call.method(), call.path(), call.body());
            assertThat(response.status()).as(call.toString()).isEqualTo(403);
            assertThat(response.problemType()).as(call.toString()).isEqualTo("wrong-city");
        }
        String rochelleAdmin = identities.cityAdminToken(rochelle);
        for (Call call : ADMIN_CALLS) {
            ServiceClient.Response response =
                    client.cityAs(rochelleAdmin, lyon, call.method(), call.path(), call.body());
            assertThat(response.status()).as(call.toString()).isEqualTo(403);
            assertThat(response.problemType()).as(call.toString()).isEqualTo("wrong-city");
        }
        assertThat(client.cityAs(inLyon, lyon, "GET", "/api/mobility-carbon/trips", null)
                        .json()
                        .get(0)
                        .path("legs")
                        .get(0)
                        .path("correctedMode")
                        .isNull())
                .isTrue();
        assertThat(rows(lyon, "mobility_trip")).isOne();
        assertThat(database()
                        .sql("select factor_revision from " + schema(lyon) + ".mobility_settings")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anotherCitizenOfTheSameCityCannotReachMyTripsOrLegs() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String owner = identities.citizenToken(city, person("owner"));
        String neighbour = identities.citizenToken(city, person("neighbour"));
        uploaded(owner, city, Traces.drive(13, MORNING, 6000));
        var trip = client.cityAs(owner, city, "GET", "/api/mobility-carbon/trips", null)
                .json()
                .get(0);
        long legId = trip.path("legs").get(0).path("id").asLong();

        assertThat(client.cityAs(neighbour, city, "GET", "/api/mobility-carbon/trips", null)
                        .json())
                .isEmpty();
        assertThat(client.cityAs(
                                neighbour,
                                city,
                                "GET",
                                "/api/mobility-carbon/trips/" + trip.path("id").asLong(),
                                null)
                        .status())
                .isEqualTo(404);
        ServiceClient.Response correction = client.cityAs(
                neighbour, city, "PUT", "/api/mobility-carbon/legs/" + legId + "/mode", Map.of("mode", "WALK"));
        assertThat(correction.status()).isEqualTo(404);
        assertThat(correction.problemType()).isEqualTo("not-found");
        assertThat(client.cityAs(neighbour, city, "GET", "/api/mobility-carbon/legs/" + legId + "/emissions", null)
                        .status())
                .isEqualTo(404);
        assertThat(client.cityAs(owner, city, "GET", "/api/mobility-carbon/trips", null)
                        .json()
                        .get(0)
                        .path("legs")
                        .get(0)
                        .path("mode")
                        .asString())
                .isEqualTo("CAR");
    }

    @Test
    void citizensAndAgentsCannotChangeTheCitysSettings() {
        String city = mobilityCity("larochelle", "La Rochelle");
        for (String token :
                List.of(identities.citizenToken(city, person("camille")), identities.cityAgentToken(city))) {
            for (Call call : ADMIN_CALLS.subList(0, 4)) {
                ServiceClient.Response response = client.cityAs(token, city, call.method(), call.path(), call.body());
                assertThat(response.status()).as(call.toString()).isEqualTo(403);
                assertThat(response.problemType()).as(call.toString()).isEqualTo("forbidden");
            }
        }
        assertThat(rows(city, "mobility_budget_rule")).isOne();
    }

    @Test
    void aCityWithoutTheModuleAnswers404AndAnonymousRequestsAre401() {
        String without = onboard(freshSlug("niort"), "Niort");
        String citizen = identities.citizenToken(without, person("camille"));
        for (Call call : citizenCalls(1, 1)) {
            ServiceClient.Response response = client.cityAs(citizen, without, call.method(), call.path(), call.body());
            assertThat(response.status()).as(call.toString()).isEqualTo(404);
            assertThat(response.problemType()).as(call.toString()).isEqualTo("module-not-enabled");
        }
        String with = mobilityCity("larochelle", "La Rochelle");
        for (Call call : citizenCalls(1, 1)) {
            assertThat(client.city(with, call.method(), call.path(), call.body())
                            .status())
                    .as(call.toString())
                    .isEqualTo(401);
        }
    }
}
