package eu.selfdata.tenant.modules.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CarbonAndBudgetTest extends MobilityTest {

    @Test
    void aCityFactorChangeRecomputesTotalsAndOldResultsKeepTheirVersion() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String citizen = identities.citizenToken(city, person("camille"));
        String admin = identities.cityAdminToken(city);
        uploaded(citizen, city, Traces.drive(21, Instant.parse("2026-03-02T07:00:00Z"), 10_000));
        JsonNode before = client.cityAs(citizen, city, "GET", "/api/mobility-carbon/trips", null)
                .json()
                .get(0);
        long legId = before.path("legs").get(0).path("id").asLong();

        JsonNode chosen = client.cityAs(
                        admin,
                        city,
                        "PUT",
                        "/api/mobility-carbon/settings/factors",
                        Map.of("factorSet", "base-carbone-coach-co2", "overrides", Map.of("BUS", 21.7)))
                .json();
        JsonNode recomputed = client.cityAs(
                        admin, city, "POST", "/api/mobility-carbon/settings/factors/recompute", null)
                .json();

        assertThat(chosen.path("version").asString()).isEqualTo("base-carbone-coach-co2@r1");
        assertThat(recomputed.path("legs").asInt()).isEqualTo(1);
        JsonNode after = client.cityAs(citizen, city, "GET", "/api/mobility-carbon/trips", null)
                .json()
                .get(0);
        assertThat(after.path("co2eG").asLong())
                .isEqualTo(Math.round(before.path("distanceM").asLong() * 192 / 1000.0))
                .isLessThan(before.path("co2eG").asLong());
        JsonNode history = client.cityAs(
                        citizen, city, "GET", "/api/mobility-carbon/legs/" + legId + "/emissions", null)
                .json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("factorVersion").asString()).isEqualTo("impactco2-2025-10-16@r0");
        assertThat(history.get(0).path("co2eG").asLong())
                .isEqualTo(before.path("co2eG").asLong());
        assertThat(history.get(1).path("factorVersion").asString()).isEqualTo("base-carbone-coach-co2@r1");
        JsonNode factors = client.cityAs(citizen, city, "GET", "/api/mobility-carbon/factors", null)
                .json();
        assertThat(factors.path("current")
                        .path("gramsPerPassengerKm")
                        .path("BUS")
                        .asDouble())
                .isEqualTo(21.7);

        JsonNode corrected = client.cityAs(
                        citizen, city, "PUT", "/api/mobility-carbon/legs/" + legId + "/mode", Map.of("mode", "BUS"))
                .json();
        assertThat(corrected.path("co2eG").asLong())
                .isEqualTo(Math.round(before.path("distanceM").asLong() * 21.7 / 1000));
        assertThat(client.cityAs(
                                admin,
                                city,
                                "PUT",
                                "/api/mobility-carbon/settings/factors",
                                Map.of("factorSet", "made-up"))
                        .problemType())
                .isEqualTo("invalid-request");
    }

    @Test
    void weeklyBudgetShowsUseCreditsAndHistoryAndFollowsACorrection() {
        String city = mobilityCity("larochelle", "La Rochelle");
        String citizen = identities.citizenToken(city, person("camille"));
        String admin = identities.cityAdminToken(city);
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        client.cityAs(
                admin,
                city,
                "PUT",
                "/api/mobility-carbon/settings/budget-rules",
                Map.of(
                        "effectiveFrom",
                        thisWeek.minusWeeks(3).toString(),
                        "weeklyBudgetG",
                        5000,
                        "creditsPerKgUnused",
                        100));
        Instant twoWeeksAgo = thisWeek.minusWeeks(2).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant lastWeek = thisWeek.minusWeeks(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
        uploaded(citizen, city, Traces.drive(22, twoWeeksAgo, 30_000));
        uploaded(citizen, city, Traces.drive(23, lastWeek, 10_000));

        JsonNode budget = client.cityAs(citizen, city, "GET", "/api/mobility-carbon/budget", null)
                .json();

        assertThat(budget.path("currentRule").path("weeklyBudgetG").asLong()).isEqualTo(5000);
        JsonNode weeks = budget.path("weeks");
        assertThat(weeks).hasSize(2);
        JsonNode last = weeks.get(0);
        assertThat(last.path("weekStart").asString())
                .isEqualTo(thisWeek.minusWeeks(1).toString());
        assertThat(last.path("usedG").asLong()).isGreaterThan(2000);
        assertThat(last.path("credits").asLong())
                .isEqualTo((5000 - last.path("usedG").asLong()) * 100 / 1000);
        assertThat(weeks.get(1).path("credits").asLong())
                .as("30 km by car overspends 5 kg")
                .isZero();
        assertThat(budget.path("totalCredits").asLong())
                .isEqualTo(last.path("credits").asLong());

        long legOfLastWeek = client.cityAs(
                        citizen, city, "GET", "/api/mobility-carbon/trips?from=" + lastWeek.minusSeconds(3600), null)
                .json()
                .get(0)
                .path("legs")
                .get(0)
                .path("id")
                .asLong();
        client.cityAs(
                citizen, city, "PUT", "/api/mobility-carbon/legs/" + legOfLastWeek + "/mode", Map.of("mode", "BIKE"));

        JsonNode corrected = client.cityAs(citizen, city, "GET", "/api/mobility-carbon/budget", null)
                .json();
        assertThat(corrected.path("weeks").get(0).path("usedG").asLong()).isLessThan(10);
        assertThat(corrected.path("totalCredits").asLong())
                .isGreaterThan(budget.path("totalCredits").asLong());
    }
}
