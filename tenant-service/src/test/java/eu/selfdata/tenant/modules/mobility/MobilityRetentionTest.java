package eu.selfdata.tenant.modules.mobility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.tenant.retention.RetentionJob;
import eu.selfdata.tenant.support.ServiceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Retention with a moved clock: raw points go after their period (trips stay, the citizen sees the purge), the
 * city admin shortens a period but never lengthens it past the module's maximum, and each city keeps its own.
 */
class MobilityRetentionTest extends MobilityTest {

    private static final String RETENTION = "/api/city/retention";
    private static final Instant MORNING = Instant.parse("2026-03-02T07:00:00Z");

    @Autowired
    RetentionJob job;

    @Test
    void rawPointsGoAfterTheirPeriodTripsRemainAndTheCitizenSeesThePurge() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String camille = identities.citizenToken(city, person("camille"));
        uploaded(camille, city, Traces.drive(500, MORNING, 6000));
        long points = rows(city, "mobility_trace_point");
        long trips = rows(city, "mobility_trip");
        long legs = rows(city, "mobility_leg");
        assertThat(points).isPositive();
        assertThat(trips).isPositive();

        job.purgeEveryCity(daysLater(29));
        assertThat(rows(city, "mobility_trace_point")).as("within 30 days").isEqualTo(points);

        assertThat(job.purgeEveryCity(daysLater(31))).contains(city);

        assertThat(rows(city, "mobility_trace_point")).isZero();
        assertThat(rows(city, "mobility_trip")).isEqualTo(trips);
        assertThat(rows(city, "mobility_leg")).isEqualTo(legs);
        JsonNode log =
                client.cityAs(camille, city, "GET", "/api/me/access-log", null).json();
        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.path("category").asString()).isEqualTo("trace-points");
            assertThat(entry.path("accessorKind").asString()).isEqualTo("PLATFORM");
            assertThat(entry.path("reason").asString())
                    .isEqualTo("raw-gps-points: " + points + " record(s) older than 30 days deleted");
        });
        JsonNode rule = rule(identities.cityAdminToken(city), city, "raw-gps-points");
        assertThat(rule.path("lastPurge").path("records").asLong()).isEqualTo(points);
        assertThat(rule.path("lastPurge").path("citizens").asInt()).isEqualTo(1);
        assertThat(rule(identities.cityAdminToken(city), city, "trips")
                        .path("lastPurge")
                        .isNull())
                .isTrue();
        JsonNode purges = client.cityAs(identities.cityAgentToken(city), city, "GET", RETENTION + "/purges", null)
                .json();
        assertThat(purges).anySatisfy(purge -> {
            assertThat(purge.path("rule").asString()).isEqualTo("raw-gps-points");
            assertThat(purge.path("records").asLong()).isEqualTo(points);
        });
        assertThatThrownBy(() -> database()
                        .sql("delete from " + schema(city) + ".retention_purge")
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void theCityAdminShortensAPeriodButNeverLengthensItPastTheMaximum() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String admin = identities.cityAdminToken(city);
        String camille = identities.citizenToken(city, person("camille"));
        uploaded(camille, city, Traces.drive(501, MORNING, 6000));

        JsonNode defaults = rule(admin, city, "raw-gps-points");
        ServiceClient.Response shortened = put(admin, city, "raw-gps-points", 7);
        ServiceClient.Response tooLong = put(admin, city, "raw-gps-points", 366);
        ServiceClient.Response tripsLonger = put(admin, city, "trips", 3 * 365 + 1);
        ServiceClient.Response negative = put(admin, city, "raw-gps-points", -1);
        ServiceClient.Response unknown = put(admin, city, "no-such-rule", 7);
        ServiceClient.Response missing = client.cityAs(admin, city, "PUT", RETENTION + "/raw-gps-points", Map.of());

        assertThat(defaults.path("days").asInt()).isEqualTo(30);
        assertThat(defaults.path("maximumDays").asInt()).isEqualTo(365);
        assertThat(shortened.status()).as(shortened.body()).isEqualTo(200);
        assertThat(shortened.json().path("days").asInt()).isEqualTo(7);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.problemType()).isEqualTo("retention-too-long");
        assertThat(tripsLonger.problemType()).isEqualTo("retention-too-long");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(rule(admin, city, "raw-gps-points").path("days").asInt())
                .as("refusals changed nothing")
                .isEqualTo(7);

        job.purgeCity(city, daysLater(8));
        assertThat(rows(city, "mobility_trace_point"))
                .as("the shorter period holds")
                .isZero();
    }

    @Test
    void onlyTheCityAdminChangesRetentionCitizensDoNotSeeIt() {
        String city = mobilityCity("larochelle", "La Rochelle");

        ServiceClient.Response byAgent = put(identities.cityAgentToken(city), city, "raw-gps-points", 7);
        ServiceClient.Response readByCitizen =
                client.cityAs(identities.citizenToken(city, person("camille")), city, "GET", RETENTION, null);
        ServiceClient.Response anonymous = client.city(city, "GET", RETENTION, null);

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(readByCitizen.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(rule(identities.cityAgentToken(city), city, "raw-gps-points")
                        .path("days")
                        .asInt())
                .isEqualTo(30);
    }

    @Test
    void oneCitysSettingNeverChangesAnothersAndItsAdminIsRefusedThere() {
        String larochelle = mobilityCity("larochelle", "La Rochelle");
        String lyon = mobilityCity("lyon", "Lyon");
        uploaded(identities.citizenToken(larochelle, person("camille")), larochelle, Traces.drive(502, MORNING, 6000));
        uploaded(identities.citizenToken(lyon, person("dominique")), lyon, Traces.drive(503, MORNING, 6000));
        String larochelleAdmin = identities.cityAdminToken(larochelle);

        assertThat(put(larochelleAdmin, larochelle, "raw-gps-points", 7).status())
                .isEqualTo(200);
        ServiceClient.Response crossing = put(larochelleAdmin, lyon, "raw-gps-points", 1);
        ServiceClient.Response readAcross = client.cityAs(larochelleAdmin, lyon, "GET", RETENTION, null);
        job.purgeCity(larochelle, daysLater(8));
        job.purgeCity(lyon, daysLater(8));

        assertThat(crossing.status()).isEqualTo(403);
        assertThat(crossing.problemType()).isEqualTo("wrong-city");
        assertThat(readAcross.status()).isEqualTo(403);
        assertThat(rule(identities.cityAdminToken(lyon), lyon, "raw-gps-points")
                        .path("days")
                        .asInt())
                .isEqualTo(30);
        assertThat(rows(larochelle, "mobility_trace_point")).isZero();
        assertThat(rows(lyon, "mobility_trace_point")).as("Lyon keeps 30 days").isPositive();
        assertThat(client.cityAs(identities.cityAdminToken(lyon), lyon, "GET", RETENTION + "/purges", null)
                        .json())
                .as("La Rochelle's purges are not in Lyon's log")
                .isEmpty();
        assertThat(client.cityAs(larochelleAdmin, lyon, "GET", RETENTION + "/purges", null)
                        .status())
                .isEqualTo(403);
    }

    private JsonNode rule(String token, String city, String id) {
        ServiceClient.Response rules = client.cityAs(token, city, "GET", RETENTION, null);
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        for (JsonNode rule : rules.json()) {
            if (rule.path("rule").asString().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id + " in " + rules.body());
    }

    private ServiceClient.Response put(String token, String city, String rule, int days) {
        return client.cityAs(token, city, "PUT", RETENTION + "/" + rule, Map.of("days", days));
    }

    private static Clock daysLater(int days) {
        return Clock.offset(Clock.systemUTC(), Duration.ofDays(days));
    }
}
