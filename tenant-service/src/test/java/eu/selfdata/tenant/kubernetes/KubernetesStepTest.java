package eu.selfdata.tenant.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.selfdata.tenant.onboarding.OnboardingSaga;
import eu.selfdata.tenant.onboarding.OnboardingStep;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.support.FaultInjection;
import eu.selfdata.tenant.support.FaultInjection.Fault;
import eu.selfdata.tenant.support.ServiceClient;
import eu.selfdata.tenant.support.TenantServiceTest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The "kubernetes" onboarding step through the real saga, against fabric8's mock API server in
 * CRUD mode (it stores objects, answers 409 to a second create, filters by label).
 */
class KubernetesStepTest extends TenantServiceTest {

    private static final String NAMESPACE = "selfdata";
    private static final KubernetesMockServer API_SERVER = startApiServer();

    @TestBean
    KubernetesClient kubernetesClient;

    @Autowired
    TenantRegistry registry;

    @Autowired
    OnboardingSaga saga;

    @Autowired
    List<OnboardingStep> steps;

    static KubernetesClient kubernetesClient() {
        return API_SERVER.createClient();
    }

    @DynamicPropertySource
    static void kubernetesProperties(DynamicPropertyRegistry registry) {
        registry.add("selfdata.kubernetes.enabled", () -> "true");
        registry.add("selfdata.kubernetes.namespace", () -> NAMESPACE);
        registry.add("selfdata.kubernetes.ingress-class-name", () -> "nginx");
        registry.add("selfdata.kubernetes.cluster-issuer", () -> "letsencrypt-prod");
        registry.add("selfdata.kubernetes.gateway-service", () -> "selfdata-gateway");
    }

    @AfterAll
    static void stopApiServer() {
        API_SERVER.destroy();
    }

    @Test
    void onboardingACityWithCustomDomainsCreatesOneIngressRulePerDomainWithTlsAndItsBranding() {
        String slug = freshSlug("larochelle");
        List<String> domains = List.of("moi." + slug + ".example.org", "donnees." + slug + ".example.org");

        onboardWithDomains(slug, domains);

        assertThat(stepStates(slug))
                .containsExactly("registry=DONE", "schema=DONE", "identity=DONE", "kubernetes=DONE", "activation=DONE");
        Ingress ingress = ingress(slug);
        assertThat(ingress.getMetadata().getLabels()).containsEntry("selfdata.eu/tenant", slug);
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt-prod");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getRules())
                .extracting(IngressRule::getHost)
                .containsExactlyInAnyOrderElementsOf(domains);
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> {
            var backend = rule.getHttp().getPaths().getFirst().getBackend().getService();
            assertThat(backend.getName()).isEqualTo("selfdata-gateway");
            assertThat(backend.getPort().getNumber()).isEqualTo(80);
        });
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactlyInAnyOrderElementsOf(domains);
            assertThat(tls.getSecretName()).isEqualTo("city-" + slug + "-tls");
        });

        ConfigMap branding = branding(slug);
        assertThat(branding.getMetadata().getLabels()).containsEntry("selfdata.eu/tenant", slug);
        assertThat(branding.getData())
                .containsEntry("display-name", "La Rochelle")
                .containsEntry("primary-color", "#00607a")
                .containsEntry("secondary-color", "#ffffff")
                .containsEntry("default-language", "fr");
    }

    @Test
    void aCityWithoutCustomDomainsGetsItsBrandingButNoIngress() {
        String slug = onboard(freshSlug("lyon"), "Lyon");

        assertThat(branding(slug)).isNotNull();
        assertThat(ingress(slug)).isNull();
    }

    @Test
    void aFailureAfterTheStepRemovesTheCityResourcesAndARetryCreatesThemOnce() {
        String slug = freshSlug("failing");
        FaultInjection.inject(slug, "activation", Fault.FAIL);
        assertThat(client.platform("POST", "/platform/tenants", request(slug, List.of("moi." + slug + ".example.org")))
                        .status())
                .isEqualTo(202);
        awaitStatus(slug, "FAILED");

        assertThat(stepStates(slug)).contains("kubernetes=COMPENSATED");
        assertThat(ingress(slug)).isNull();
        assertThat(branding(slug)).isNull();

        FaultInjection.clear(slug);
        assertThat(client.platform("POST", "/platform/tenants/" + slug + "/onboarding/retry", null)
                        .status())
                .isEqualTo(202);
        awaitStatus(slug, "ACTIVE");
        assertThat(cityObjectCount(slug)).isEqualTo(2);
    }

    @Test
    void aReplayAfterACrashMidStepReplacesTheObjectsInsteadOfDuplicatingThem() {
        String slug = freshSlug("crashing");
        List<String> domains = List.of("moi." + slug + ".example.org");
        FaultInjection.inject(slug, "kubernetes", Fault.CRASH);
        assertThat(client.platform("POST", "/platform/tenants", request(slug, domains))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> stepStates(slug).contains("kubernetes=RUNNING"));
        // The crashed attempt had already written its objects, and someone edited one since.
        kubernetesStep().execute(registry.get(slug));
        kubernetesClient
                .configMaps()
                .inNamespace(NAMESPACE)
                .withName("city-" + slug + "-branding")
                .edit(map -> {
                    map.getData().put("primary-color", "#000000");
                    return map;
                });

        resumeTwice();

        assertThat(status(slug)).isEqualTo("ACTIVE");
        assertThat(cityObjectCount(slug)).isEqualTo(2);
        assertThat(branding(slug).getData()).containsEntry("primary-color", "#00607a");
        assertThat(ingress(slug).getSpec().getRules())
                .extracting(IngressRule::getHost)
                .containsExactlyInAnyOrderElementsOf(domains);
    }

    @Test
    void offboardingRemovesEveryObjectLabelledWithTheCityAndOnlyThose() {
        String leaving = freshSlug("leaving");
        String staying = freshSlug("staying");
        onboardWithDomains(leaving, List.of("moi." + leaving + ".example.org"));
        onboardWithDomains(staying, List.of("moi." + staying + ".example.org"));

        ServiceClient.Response done =
                client.platform("POST", "/platform/tenants/" + leaving + "/offboard", Map.of("confirm", leaving));

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(cityObjectCount(leaving)).isZero();
        assertThat(cityObjectCount(staying)).isEqualTo(2);
    }

    @Test
    void onboardingReplayAndOffboardingUseExactlyTheVerbsTheHelmChartGrants() throws InterruptedException {
        String withDomains = freshSlug("verbs");
        String withoutDomains = freshSlug("verbs");
        drainRecordedRequests();

        onboardWithDomains(withDomains, List.of("moi." + withDomains + ".example.org"));
        kubernetesStep().execute(registry.get(withDomains));
        onboard(withoutDomains, "Lyon");
        for (String slug : List.of(withDomains, withoutDomains)) {
            assertThat(client.platform("POST", "/platform/tenants/" + slug + "/offboard", Map.of("confirm", slug))
                            .status())
                    .isEqualTo(200);
        }

        Set<String> verbs = new TreeSet<>();
        for (RecordedRequest request = API_SERVER.takeRequest(1, TimeUnit.SECONDS);
                request != null;
                request = API_SERVER.takeRequest(100, TimeUnit.MILLISECONDS)) {
            verbs.add(resourceOf(request.getPath()) + ":" + verbOf(request));
        }
        // infra/helm/selfdata/templates/rbac.yaml grants exactly these; ChartRenderingTest checks the Role.
        assertThat(verbs)
                .containsExactly(
                        "configmaps:create",
                        "configmaps:deletecollection",
                        "configmaps:get",
                        "configmaps:update",
                        "ingresses:create",
                        "ingresses:delete",
                        "ingresses:deletecollection",
                        "ingresses:get",
                        "ingresses:update");
    }

    private static void drainRecordedRequests() throws InterruptedException {
        while (API_SERVER.takeRequest(100, TimeUnit.MILLISECONDS) != null) {
            // discard what earlier tests sent
        }
    }

    private static String resourceOf(String path) {
        String[] segments = path.split("\\?")[0].split("/");
        int index = Arrays.asList(segments).indexOf("namespaces");
        return segments[index + 2];
    }

    /** The RBAC verb of a request: a name after the resource makes it one object, none a collection. */
    private static String verbOf(RecordedRequest request) {
        String[] segments = request.getPath().split("\\?")[0].split("/");
        boolean named = segments.length > Arrays.asList(segments).indexOf("namespaces") + 3;
        return switch (request.getMethod()) {
            case "GET" -> named ? "get" : request.getPath().contains("watch=true") ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> request.getMethod();
        };
    }

    /** Domains must be unique across runs too: the identity server gives each to one organization only. */
    private void onboardWithDomains(String slug, List<String> domains) {
        ServiceClient.Response accepted = client.platform("POST", "/platform/tenants", request(slug, domains));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        awaitStatus(slug, "ACTIVE");
    }

    private static Map<String, Object> request(String slug, List<String> domains) {
        Map<String, Object> request = new HashMap<>(cityRequest(slug, "La Rochelle"));
        request.put("customDomains", domains);
        return request;
    }

    private List<String> stepStates(String slug) {
        return client.platform("GET", "/platform/tenants/" + slug, null)
                .json()
                .path("onboardingSteps")
                .valueStream()
                .map(step ->
                        step.path("name").asString() + "=" + step.path("state").asString())
                .toList();
    }

    /** What the resumer does after a crash; twice, to show a replay changes nothing. */
    private void resumeTwice() {
        for (int i = 0; i < 2; i++) {
            registry.slugsWithStatus(Set.of(TenantStatus.PROVISIONING)).forEach(saga::run);
        }
    }

    private OnboardingStep kubernetesStep() {
        return steps.stream()
                .filter(step -> step.name().equals("kubernetes"))
                .findFirst()
                .orElseThrow();
    }

    private Ingress ingress(String slug) {
        return kubernetesClient
                .network()
                .v1()
                .ingresses()
                .inNamespace(NAMESPACE)
                .withName("city-" + slug)
                .get();
    }

    private ConfigMap branding(String slug) {
        return kubernetesClient
                .configMaps()
                .inNamespace(NAMESPACE)
                .withName("city-" + slug + "-branding")
                .get();
    }

    private int cityObjectCount(String slug) {
        return kubernetesClient
                        .network()
                        .v1()
                        .ingresses()
                        .inNamespace(NAMESPACE)
                        .withLabel("selfdata.eu/tenant", slug)
                        .list()
                        .getItems()
                        .size()
                + kubernetesClient
                        .configMaps()
                        .inNamespace(NAMESPACE)
                        .withLabel("selfdata.eu/tenant", slug)
                        .list()
                        .getItems()
                        .size();
    }

    private static KubernetesMockServer startApiServer() {
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        return server;
    }
}
