package eu.selfdata.tenant.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.tenant.registry.CityPolicies;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.testmodule.ObservationsModule;
import eu.selfdata.usecase.api.IndicatorResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The two attacks of issue 17 on the real service: differencing two computations around one
 * citizen's upload, and padding a group with accounts made for the purpose. Neither isolates the
 * citizen any more.
 */
class AggregateAttacksTest extends SelfDataTest {

    private static final String INDICATOR =
            "/api/city/indicators/" + ObservationsModule.ID + "/" + ObservationsModule.INDICATOR;
    private static final String COMPUTE = INDICATOR + "/computations";

    @Autowired
    private CityIndicators indicators;

    @Autowired
    private SqlCityAggregates aggregates;

    @Autowired
    private CityPolicies policies;

    @Test
    void aSecondComputeNowWithinThePeriodIsRefusedSoTheUploadCannotBeBracketed() {
        String city = cityWithObservations("larochelle", "La Rochelle");
        neighbours(city, "tram", 10);
        String agent = identities.cityAgentToken(city);
        ServiceClient.Response before = client.cityAs(agent, city, "POST", COMPUTE, null);
        assertThat(before.status()).as(before.body()).isEqualTo(200);

        String target = identities.citizenToken(city, person("target"));
        ageAccounts(city);
        observe(target, city, "tram", 7);
        giveConsent(target, city);
        ServiceClient.Response after = client.cityAs(agent, city, "POST", COMPUTE, null);

        assertThat(after.status()).isEqualTo(429);
        assertThat(after.problemType()).isEqualTo("indicator-computed-this-period");
        Instant next = Instant.parse(after.json().path("retryAt").asString());
        Instant computedAt = Instant.parse(before.json().path("computedAt").asString());
        assertThat(next).isEqualTo(computedAt.plus(Duration.ofDays(7)));
        assertThat(Long.parseLong(after.retryAfter()))
                .isBetween(
                        Duration.ofDays(7).toSeconds() - 120, Duration.ofDays(7).toSeconds() + 1);
        assertThat(client.cityAs(agent, city, "GET", INDICATOR, null)
                        .json()
                        .path("computedAt")
                        .asString())
                .as("what the city reads is still the first publication")
                .isEqualTo(before.json().path("computedAt").asString());

        passIndicatorPeriod(city);
        assertThat(client.cityAs(agent, city, "POST", COMPUTE, null).status()).isEqualTo(200);
    }

    @Test
    void differencingManyPublicationsAroundOneUploadGuessesItNoBetterThanEpsilonAllows() {
        String city = cityWithObservations("differencing", "Differencing");
        neighbours(city, "bus", 10);
        String target = identities.citizenToken(city, person("target"));
        String targetId = citizenId(target, city);
        giveConsent(target, city);
        ageAccounts(city);
        double cap = ObservationsModule.BUDGET.contributionCap();
        var indicator = new ObservationsModule(null).cityIndicators().getFirst();
        var policy = policies.indicatorPolicy(city);
        SplittableRandom secret = new SplittableRandom(11);
        int trials = 150;
        int correct = 0;
        for (int trial = 0; trial < trials; trial++) {
            boolean high = secret.nextBoolean();
            double before = value(TenantContext.call(TenantId.of(city), () -> aggregates.compute(indicator, policy)));
            database()
                    .sql("insert into " + schema(city)
                            + ".observation (citizen_id, kind, value) values (?::uuid, 'bus', ?)")
                    .params(targetId, high ? cap : 0)
                    .update();
            double after = value(TenantContext.call(TenantId.of(city), () -> aggregates.compute(indicator, policy)));
            database()
                    .sql("delete from " + schema(city) + ".observation where citizen_id = ?::uuid")
                    .param(targetId)
                    .update();
            correct += (after - before > cap / 2) == high ? 1 : 0;
        }

        double epsilon = ObservationsModule.BUDGET.epsilon();
        double bound = Math.exp(epsilon) / (1 + Math.exp(epsilon));
        assertThat((double) correct / trials)
                .as("exact sums would give 1.0; ε-DP allows at most %.3f", bound)
                .isLessThanOrEqualTo(bound + 4 * Math.sqrt(0.25 / trials));
    }

    @Test
    void paddingAGroupWithFreshOrUnverifiedAccountsLeavesTheTargetSuppressed() {
        String city = cityWithObservations("padding", "Padding");
        String target = identities.citizenToken(city, person("target"));
        observe(target, city, "rare-kind", 9);
        giveConsent(target, city);
        ageAccounts(city);
        List<String> padding = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            padding.add(identities.citizenToken(city, person("fresh")));
        }
        for (int i = 0; i < 4; i++) { // k - 1 = 9 in all
            padding.add(identities.unverifiedCitizenToken(city, person("unverified")));
        }
        for (String fake : padding) {
            observe(fake, city, "rare-kind", 0);
            giveConsent(fake, city);
        }
        database()
                .sql("update " + schema(city) + ".citizen set created_at = created_at - interval '100 days'"
                        + " where not email_verified")
                .update();

        JsonNode padded = compute(city);

        assertThat(cell(padded, "rare-kind").path("suppressed").asBoolean())
                .as("one real person and nine accounts that do not count")
                .isTrue();
        assertThat(cell(padded, "rare-kind").path("value").isNull()).isTrue();

        database()
                .sql("update " + schema(city)
                        + ".citizen set email_verified = true, created_at = created_at - interval '100 days'")
                .update();
        passIndicatorPeriod(city);
        assertThat(cell(compute(city), "rare-kind").path("suppressed").asBoolean())
                .as("the same ten accounts, verified and old enough: now a group of k")
                .isFalse();
    }

    @Test
    void theScheduleAndConcurrentComputeNowPublishEachIndicatorOncePerPeriod() throws Exception {
        String city = cityWithObservations("schedule", "Schedule");
        neighbours(city, "walk", 10);
        String snapshots = "select count(*) from " + schema(city) + ".indicator_snapshot";

        int published = 0;
        try (ExecutorService replicas = Executors.newFixedThreadPool(2 * POOL_SIZE)) {
            List<Future<Integer>> runs = new ArrayList<>();
            // more runs than the test pool has connections: those waiting for the lock must not starve the holder
            for (int replica = 0; replica < 2 * POOL_SIZE; replica++) {
                runs.add(replicas.submit(() -> TenantContext.call(TenantId.of(city), () -> indicators.publishDue())));
            }
            for (Future<Integer> run : runs) {
                published += run.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(published).isOne();
        assertThat(database().sql(snapshots).query(Long.class).single()).isOne();
        assertThat(client.cityAs(identities.cityAgentToken(city), city, "POST", COMPUTE, null)
                        .status())
                .isEqualTo(429);
        assertThat(TenantContext.call(TenantId.of(city), () -> indicators.publishDue()))
                .isZero();

        passIndicatorPeriod(city);
        assertThat(TenantContext.call(TenantId.of(city), () -> indicators.publishDue()))
                .isOne();
        assertThat(database().sql(snapshots).query(Long.class).single()).isEqualTo(2);
    }

    /** {@code count} verified, aged, consenting citizens who each observed {@code kind}. */
    private void neighbours(String city, String kind, int count) {
        for (int i = 0; i < count; i++) {
            String token = identities.citizenToken(city, person("neighbour" + i));
            observe(token, city, kind, 3 + i % 4);
            giveConsent(token, city);
        }
        ageAccounts(city);
    }

    private JsonNode compute(String city) {
        ServiceClient.Response computed = client.cityAs(identities.cityAgentToken(city), city, "POST", COMPUTE, null);
        assertThat(computed.status()).as(computed.body()).isEqualTo(200);
        return computed.json();
    }

    private static double value(IndicatorResult result) {
        return result.cells().stream()
                .filter(cell -> cell.group().equals("bus"))
                .findFirst()
                .orElseThrow()
                .value();
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
