package eu.selfdata.tenant.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.saga.StepState;
import eu.selfdata.tenant.support.FaultInjection;
import eu.selfdata.tenant.support.FaultInjection.Fault;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.tenant.tenancy.TenantMigrations;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class OnboardingSagaTest extends TenantServiceTest {

    @Autowired
    TenantMigrations migrations;

    @Autowired
    TenantRegistry registry;

    @Autowired
    OnboardingResumer resumer;

    @Autowired
    OnboardingJournal journal;

    @Test
    void onboardingShowsEveryStepDoneAndServesTheCity() {
        String slug = onboard(freshSlug("larochelle"), "La Rochelle");

        ServiceClient.Response shown = client.platform("GET", "/platform/tenants/" + slug, null);
        assertThat(shown.json()
                        .path("onboardingSteps")
                        .valueStream()
                        .map(step -> step.path("name").asString() + "="
                                + step.path("state").asString()))
                .containsExactly("registry=DONE", "schema=DONE", "identity=DONE", "activation=DONE");
        assertThat(client.city(slug, "GET", "/api/announcements", null).status())
                .isEqualTo(200);
        assertThat(migrations.schemaExists(TenantId.of(slug))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema", "identity", "activation"})
    void failureAtAnyStepIsCompensatedAndLeavesNoHalfTenant(String step) {
        String slug = freshSlug("failing");
        FaultInjection.inject(slug, step, Fault.FAIL);

        assertThat(client.platform("POST", "/platform/tenants", cityRequest(slug, "Failing"))
                        .status())
                .isEqualTo(202);
        awaitStatus(slug, "FAILED");

        assertThat(migrations.schemaExists(TenantId.of(slug)))
                .as("schema left behind")
                .isFalse();
        assertThat(journal.state(slug, step)).contains(StepState.FAILED);
        assertThat(client.city(slug, "GET", "/api/announcements", null).status())
                .isEqualTo(404);
        assertThat(registry.events(slug))
                .extracting(TenantRegistry.TenantEvent::kind)
                .doesNotContain("ACTIVATED");

        FaultInjection.clear(slug);
        assertThat(client.platform("POST", "/platform/tenants/" + slug + "/onboarding/retry", null)
                        .status())
                .isEqualTo(202);
        awaitStatus(slug, "ACTIVE");
        assertThat(client.city(slug, "GET", "/api/announcements", null).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema", "identity", "activation"})
    void crashMidSagaResumesAfterRestartAndActivatesExactlyOnce(String step) {
        String slug = freshSlug("crashing");
        FaultInjection.inject(slug, step, Fault.CRASH);

        assertThat(client.platform("POST", "/platform/tenants", cityRequest(slug, "Crashing"))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> journal.state(slug, step).orElseThrow() == StepState.RUNNING);
        assertThat(status(slug)).isEqualTo("PROVISIONING");
        assertThat(client.city(slug, "GET", "/api/announcements", null).status())
                .as("served before ACTIVE")
                .isEqualTo(404);

        // What start-up does after a crash; run twice to show a replay changes nothing.
        resumer.resumeInterrupted();
        resumer.resumeInterrupted();

        assertThat(status(slug)).isEqualTo("ACTIVE");
        assertThat(registry.events(slug))
                .extracting(TenantRegistry.TenantEvent::kind)
                .containsOnlyOnce("ACTIVATED");
        assertThat(FaultInjection.executions(slug, "activation")).isEqualTo(1);
        assertThat(publish(slug, "t", "b").status()).isEqualTo(201);
    }

    @Test
    void aStepWhoseDependencyIsDownWaitsWithoutCompensatingAndResumesLater() {
        String slug = freshSlug("waiting");
        FaultInjection.inject(slug, "schema", Fault.UNAVAILABLE);

        assertThat(client.platform("POST", "/platform/tenants", cityRequest(slug, "Waiting"))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        journal.steps(slug).stream().anyMatch(s -> s.name().equals("schema") && s.lastError() != null));
        assertThat(journal.state(slug, "schema")).contains(StepState.PENDING);
        assertThat(status(slug)).isEqualTo("PROVISIONING");

        resumer.resumeInterrupted();

        assertThat(status(slug)).isEqualTo("ACTIVE");
    }

    @Test
    void aSecondOnboardingOfTheSameSlugIsAConflict() {
        String slug = onboard(freshSlug("lyon"), "Lyon");
        ServiceClient.Response again = client.platform("POST", "/platform/tenants", cityRequest(slug, "Lyon"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("tenant-exists");
    }

    @Test
    void unknownModuleIsRefusedBeforeAnythingIsCreated() {
        String slug = freshSlug("lyon");
        Map<String, Object> request = new java.util.HashMap<>(cityRequest(slug, "Lyon"));
        request.put("enabledModules", java.util.List.of("teleportation"));
        ServiceClient.Response refused = client.platform("POST", "/platform/tenants", request);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("unknown-module");
        assertThat(registry.find(slug)).isEmpty();
    }

    @Test
    void badBrandingIsRefusedWithTheFieldNamed() {
        Map<String, Object> request = new java.util.HashMap<>(cityRequest(freshSlug("lyon"), "Lyon"));
        request.put("branding", Map.of("primaryColor", "red", "secondaryColor", "#ffffff", "defaultLanguage", "fr"));
        ServiceClient.Response refused = client.platform("POST", "/platform/tenants", request);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asString()).contains("branding.primaryColor");
    }
}
