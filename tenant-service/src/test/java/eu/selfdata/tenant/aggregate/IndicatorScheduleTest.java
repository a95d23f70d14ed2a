package eu.selfdata.tenant.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.testmodule.ObservationsModule;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The city's indicator schedule and account age: set by its admin only, per city, within bounds. */
class IndicatorScheduleTest extends SelfDataTest {

    private static final String COMPUTE =
            "/api/city/indicators/" + ObservationsModule.ID + "/" + ObservationsModule.INDICATOR + "/computations";

    @Test
    void theAdminSetsHerCitysScheduleWithinBoundsAndNoOneElseDoes() {
        String rochelle = cityWithObservations("larochelle", "La Rochelle");
        String lyon = cityWithObservations("lyon", "Lyon");
        String admin = identities.cityAdminToken(rochelle);

        ServiceClient.Response set = client.cityAs(
                admin,
                rochelle,
                "PUT",
                "/api/city/privacy",
                Map.of("minGroupSize", 10, "indicatorPeriodDays", 1, "minAccountAgeDays", 14));
        ServiceClient.Response kOnly =
                client.cityAs(admin, rochelle, "PUT", "/api/city/privacy", Map.of("minGroupSize", 11));

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(kOnly.json().path("indicatorPeriodDays").asInt())
                .as("a field left out keeps its value")
                .isEqualTo(1);
        assertThat(kOnly.json().path("minAccountAgeDays").asInt()).isEqualTo(14);
        for (Map<String, Integer> bad : java.util.List.of(
                Map.of("minGroupSize", 10, "indicatorPeriodDays", 0),
                Map.of("minGroupSize", 10, "indicatorPeriodDays", 32),
                Map.of("minGroupSize", 10, "minAccountAgeDays", 6),
                Map.of("minGroupSize", 10, "minAccountAgeDays", 91))) {
            ServiceClient.Response refused = client.cityAs(admin, rochelle, "PUT", "/api/city/privacy", bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.problemType()).isEqualTo("invalid-request");
        }
        ServiceClient.Response byAgent = client.cityAs(
                identities.cityAgentToken(rochelle),
                rochelle,
                "PUT",
                "/api/city/privacy",
                Map.of("minGroupSize", 10, "indicatorPeriodDays", 31));
        ServiceClient.Response byLyon = client.cityAs(
                identities.cityAdminToken(lyon),
                rochelle,
                "PUT",
                "/api/city/privacy",
                Map.of("minGroupSize", 10, "indicatorPeriodDays", 31));

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byLyon.status()).isEqualTo(403);
        assertThat(byLyon.problemType()).isEqualTo("wrong-city");
        assertThat(client.cityAs(admin, rochelle, "GET", "/api/city/privacy", null)
                        .json()
                        .path("indicatorPeriodDays")
                        .asInt())
                .isEqualTo(1);
        ServiceClient.Response lyonSettings =
                client.cityAs(identities.cityAdminToken(lyon), lyon, "GET", "/api/city/privacy", null);
        assertThat(lyonSettings.json().path("indicatorPeriodDays").asInt()).isEqualTo(7);
        assertThat(lyonSettings.json().path("minAccountAgeDays").asInt()).isEqualTo(7);
    }

    @Test
    void theIndicatorsPageDocumentsEpsilonAndTakesTheScheduleFromItsOwnAdminOnly() {
        String nantes = cityWithObservations("nantes", "Nantes");
        String brest = cityWithObservations("brest", "Brest");
        String admin = identities.cityAdminToken(nantes);

        Document page = Jsoup.parse(client.cityAs(admin, nantes, "GET", "/admin/dashboards?lang=en", null)
                .body());
        assertThat(page.selectFirst("#privacy-method").text()).contains("Laplace", "Dwork", "7 day(s)");
        assertThat(page.select("#privacy-budgets .epsilon").text()).isEqualTo("1.0");
        assertThat(page.select("#privacy-budgets .cap").text()).isEqualTo("10.0 units");

        ServiceClient.Response saved = client.formAs(
                admin, nantes, "/admin/dashboards/schedule", Map.of("periodDays", "3", "minAccountAgeDays", "30"));
        ServiceClient.Response outOfBounds = client.formAs(
                admin, nantes, "/admin/dashboards/schedule", Map.of("periodDays", "40", "minAccountAgeDays", "30"));
        ServiceClient.Response onBrest = client.formAs(
                admin, brest, "/admin/dashboards/schedule", Map.of("periodDays", "1", "minAccountAgeDays", "7"));
        ServiceClient.Response byAgent = client.formAs(
                identities.cityAgentToken(nantes),
                nantes,
                "/admin/dashboards/schedule",
                Map.of("periodDays", "1", "minAccountAgeDays", "7"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(outOfBounds.status()).isEqualTo(400);
        assertThat(Jsoup.parse(outOfBounds.body()).selectFirst("#schedule-error"))
                .isNotNull();
        assertThat(onBrest.status()).isEqualTo(403);
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(policy(nantes)).isEqualTo("3/30");
        assertThat(policy(brest)).isEqualTo("7/7");
    }

    @Test
    void aComputationInOneCityDoesNotUseUpTheOtherCitysPeriod() {
        String rochelle = cityWithObservations("larochelle", "La Rochelle");
        String lyon = cityWithObservations("lyon", "Lyon");

        assertThat(compute(rochelle).status()).isEqualTo(200);
        assertThat(compute(rochelle).status()).isEqualTo(429);
        assertThat(compute(lyon).status()).isEqualTo(200);
        assertThat(compute(lyon).status()).isEqualTo(429);
    }

    private ServiceClient.Response compute(String city) {
        return client.cityAs(identities.cityAgentToken(city), city, "POST", COMPUTE, null);
    }

    private String policy(String city) {
        return database()
                .sql("select indicator_period_days || '/' || min_account_age_days from platform.tenant where slug = ?")
                .param(city)
                .query(String.class)
                .single();
    }
}
