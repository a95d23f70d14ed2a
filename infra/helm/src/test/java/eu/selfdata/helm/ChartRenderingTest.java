package eu.selfdata.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ChartRenderingTest {

    private static final List<String> SERVICES = List.of("gateway", "tenant-service", "governance");
    private static final Map<String, String> WITH_OPERATORS = Map.of(
            "postgres.cloudNativePG.enabled", "true",
            "keycloak.operator.enabled", "true");
    private static final Pattern SENSITIVE = Pattern.compile(".*(SECRET|PASSWORD|USERNAME|TOKEN|CREDENTIAL).*");

    private final RenderedChart defaults = RenderedChart.render(Map.of());

    @Test
    void theChartLintsCleanInStrictMode() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void defaultsRenderTheThreeServicesAndTheirCompanionsOnly() {
        Map<String, Long> kinds = defaults.objects().stream()
                .collect(Collectors.groupingBy(HasMetadata::getKind, TreeMap::new, Collectors.counting()));
        assertThat(kinds)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Deployment",
                        3L,
                        "Service",
                        3L,
                        "PodDisruptionBudget",
                        3L,
                        "HorizontalPodAutoscaler",
                        2L,
                        "Ingress",
                        1L,
                        "ServiceAccount",
                        1L,
                        "Role",
                        1L,
                        "RoleBinding",
                        1L));
        assertThat(defaults.objects())
                .allSatisfy(object -> assertThat(object.getMetadata().getLabels())
                        .containsEntry("app.kubernetes.io/part-of", "selfdata"));
    }

    @Test
    void everyServiceIsProbedOnTheActuatorHealthGroupsAndHasResources() {
        for (String service : SERVICES) {
            Deployment deployment = defaults.named(Deployment.class, "selfdata-" + service);
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();

            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal())
                    .isEqualTo("http");
            assertThat(env(container)).containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                    .isTrue();

            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(podLabels)
                    .containsAllEntriesOf(defaults.named(Service.class, "selfdata-" + service)
                            .getSpec()
                            .getSelector());
            assertThat(podLabels)
                    .containsAllEntriesOf(defaults.named(PodDisruptionBudget.class, "selfdata-" + service)
                            .getSpec()
                            .getSelector()
                            .getMatchLabels());
        }
    }

    @Test
    void autoscaledDeploymentsLeaveTheReplicaCountToTheirAutoscaler() {
        for (HorizontalPodAutoscaler autoscaler : defaults.all(HorizontalPodAutoscaler.class)) {
            Deployment target = defaults.named(
                    Deployment.class, autoscaler.getSpec().getScaleTargetRef().getName());
            assertThat(target.getSpec().getReplicas())
                    .as("replicas fixed beside an HPA")
                    .isNull();
            assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        }
        assertThat(defaults.named(Deployment.class, "selfdata-governance")
                        .getSpec()
                        .getReplicas())
                .isEqualTo(2);
    }

    @Test
    void theIngressServesTheBaseDomainAndEveryCitySubdomainOverTlsThroughTheGateway() {
        Ingress ingress = defaults.named(Ingress.class, "selfdata");

        assertThat(ingress.getSpec().getRules())
                .extracting(IngressRule::getHost)
                .containsExactly("selfdata.example.eu", "*.selfdata.example.eu");
        assertThat(ingress.getSpec().getTls().getFirst().getHosts())
                .containsExactly("selfdata.example.eu", "*.selfdata.example.eu");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
        assertThat(ingress.getSpec().getRules())
                .flatExtracting(rule -> rule.getHttp().getPaths())
                .extracting(HTTPIngressPath::getBackend)
                .allSatisfy(
                        backend -> assertThat(backend.getService().getName()).isEqualTo("selfdata-gateway"));
    }

    @Test
    void tenantServiceMayTouchOnlyIngressesConfigMapsLeasesAndPodListingInItsNamespace() {
        assertThat(defaults.yaml()).doesNotContain("kind: ClusterRole");
        Role role = defaults.named(Role.class, "selfdata-tenant-service");

        assertThat(rules(role))
                .isEqualTo(Map.of(
                        // what KubernetesStepTest sees the onboarding step use, no more
                        "networking.k8s.io/ingresses", List.of("create", "delete", "deletecollection", "get", "update"),
                        "/configmaps", List.of("create", "deletecollection", "get", "update"),
                        // Camel's Kubernetes cluster service (one connector run per city): its lock and its members
                        "coordination.k8s.io/leases", List.of("create", "get", "update"),
                        "/pods", List.of("list")));
        assertThat(role.getRules())
                .allSatisfy(rule -> assertThat(rule.getResourceNames()).isNullOrEmpty());

        RoleBinding binding = defaults.named(RoleBinding.class, "selfdata-tenant-service");
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getName())
                    .isEqualTo(defaults.named(ServiceAccount.class, "selfdata-tenant-service")
                            .getMetadata()
                            .getName());
            assertThat(subject.getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
        });
        for (Deployment deployment : defaults.all(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            boolean tenantService = deployment.getMetadata().getName().equals("selfdata-tenant-service");
            assertThat(pod.getAutomountServiceAccountToken())
                    .as(deployment.getMetadata().getName())
                    .isEqualTo(tenantService);
            assertThat(pod.getServiceAccountName()).isEqualTo(tenantService ? "selfdata-tenant-service" : null);
        }
    }

    @Test
    void withoutTheKubernetesStepTheRoleKeepsOnlyLeaderElection() {
        RenderedChart chart = RenderedChart.render(Map.of("tenantService.kubernetesStep", "false"));

        assertThat(rules(chart.named(Role.class, "selfdata-tenant-service")).keySet())
                .containsExactlyInAnyOrder("coordination.k8s.io/leases", "/pods");
        assertThat(env(container(chart, "tenant-service"))).doesNotContainKey("SELFDATA_KUBERNETES_ENABLED");
    }

    @Test
    void theKubernetesStepIsConfiguredForThisNamespaceAndGateway() {
        Container container = container(defaults, "tenant-service");
        assertThat(env(container))
                .containsEntry("SELFDATA_KUBERNETES_ENABLED", "true")
                .containsEntry("SELFDATA_KUBERNETES_GATEWAYSERVICE", "selfdata-gateway")
                .containsEntry("SELFDATA_KUBERNETES_CLUSTERISSUER", "letsencrypt");
        assertThat(container.getEnv())
                .filteredOn(variable -> variable.getName().equals("SELFDATA_KUBERNETES_NAMESPACE"))
                .singleElement()
                .satisfies(variable -> assertThat(
                                variable.getValueFrom().getFieldRef().getFieldPath())
                        .isEqualTo("metadata.namespace"));
        assertThat(env(container(defaults, "gateway")))
                .containsEntry("SELFDATA_ROUTES_TENANTSERVICEURI", "http://selfdata-tenant-service");
    }

    @Test
    void theServicesReadTheRenderedEnvironmentUnderTheirPropertyNames() {
        Binder tenantService = binder(container(defaults, "tenant-service"));
        assertThat(tenantService
                        .bind("selfdata.kubernetes.gateway-service", String.class)
                        .get())
                .isEqualTo("selfdata-gateway");
        assertThat(tenantService
                        .bind("selfdata.kubernetes.ingress-class-name", String.class)
                        .get())
                .isEqualTo("nginx");
        assertThat(tenantService
                        .bind("selfdata.kubernetes.cluster-issuer", String.class)
                        .get())
                .isEqualTo("letsencrypt");
        assertThat(tenantService
                        .bind("selfdata.kubernetes.gateway-port", Integer.class)
                        .get())
                .isEqualTo(80);
        assertThat(tenantService
                        .bind("selfdata.kubernetes.enabled", Boolean.class)
                        .get())
                .isTrue();
        assertThat(tenantService
                        .bind("selfdata.keycloak.admin-client-id", String.class)
                        .get())
                .isEqualTo("tenant-service");
        assertThat(tenantService
                        .bind("selfdata.public.base-domain", String.class)
                        .get())
                .isEqualTo("selfdata.example.eu");
        assertThat(tenantService.bind("selfdata.public.port", Integer.class).get())
                .isEqualTo(443);
        assertThat(tenantService
                        .bind("selfdata.offboarding.archive-dir", String.class)
                        .get())
                .isEqualTo("/var/lib/selfdata/archives");

        Binder gateway = binder(container(defaults, "gateway"));
        assertThat(gateway.bind("selfdata.base-domain", String.class).get()).isEqualTo("selfdata.example.eu");
        assertThat(gateway.bind("selfdata.routes.tenant-service-uri", String.class)
                        .get())
                .isEqualTo("http://selfdata-tenant-service");
        assertThat(gateway.bind("selfdata.routes.governance-uri", String.class).get())
                .isEqualTo("http://selfdata-governance");
        assertThat(gateway.bind("selfdata.identity.issuer-uri", String.class).get())
                .isEqualTo("https://auth.selfdata.example.eu/realms/selfdata");
        assertThat(gateway.bind("selfdata.gateway.trusted-proxies", String.class)
                        .get())
                .isEqualTo("10\\..*");
    }

    /** The container's plain env as Spring Boot sees the process environment. */
    private static Binder binder(Container container) {
        Map<String, Object> variables = Map.copyOf(env(container));
        return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

    @Test
    void offboardingArchivesGoToTheNamedClaimSoEveryReplicaReadsThem() {
        Deployment deployment = RenderedChart.render(Map.of("tenantService.archiveClaim", "selfdata-archives"))
                .named(Deployment.class, "selfdata-tenant-service");
        var pod = deployment.getSpec().getTemplate().getSpec();

        assertThat(pod.getVolumes())
                .filteredOn(volume -> volume.getName().equals("archives"))
                .singleElement()
                .satisfies(
                        volume -> assertThat(volume.getPersistentVolumeClaim().getClaimName())
                                .isEqualTo("selfdata-archives"));
        assertThat(pod.getContainers().getFirst().getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("archives");
            assertThat(mount.getMountPath())
                    .isEqualTo(env(pod.getContainers().getFirst()).get("SELFDATA_OFFBOARDING_ARCHIVEDIR"));
        });
    }

    @Test
    void connectorsDropFoldersGoToTheNamedClaimAndThePlatformsOwnHostsAreRefusedToEveryCity() {
        Deployment deployment = RenderedChart.render(Map.of("tenantService.connectorsClaim", "selfdata-drops"))
                .named(Deployment.class, "selfdata-tenant-service");
        var pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> env = env(pod.getContainers().getFirst());

        assertThat(pod.getVolumes())
                .filteredOn(volume -> volume.getName().equals("connectors"))
                .singleElement()
                .satisfies(
                        volume -> assertThat(volume.getPersistentVolumeClaim().getClaimName())
                                .isEqualTo("selfdata-drops"));
        assertThat(pod.getContainers().getFirst().getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("connectors");
            assertThat(env.get("SELFDATA_CONNECTORS_DROPDIRECTORY")).startsWith(mount.getMountPath() + "/");
            assertThat(env.get("SELFDATA_MOBILITYCARBON_TAKEOUT_STORAGE")).startsWith(mount.getMountPath() + "/");
        });
        assertThat(env.get("SELFDATA_CONNECTORS_OUTBOUND_PLATFORMHOSTS").split(","))
                .contains("selfdata.example.eu", "*.selfdata.example.eu", "localhost", "*.svc");
    }

    @Test
    void tenantServiceReplicasShareTheCitiesConnectorsThroughTheDatabaseLocksUnlessToldOtherwise() {
        var byDefault = RenderedChart.render(Map.of()).named(Deployment.class, "selfdata-tenant-service");
        var single = RenderedChart.render(Map.of("tenantService.connectorCluster", "none"))
                .named(Deployment.class, "selfdata-tenant-service");

        assertThat(env(byDefault
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()))
                .containsEntry("SELFDATA_CONNECTORS_CLUSTER", "jdbc");
        assertThat(env(single.getSpec().getTemplate().getSpec().getContainers().getFirst()))
                .containsEntry("SELFDATA_CONNECTORS_CLUSTER", "none");
    }

    @Test
    void severalGatewayReplicasShareBrowserSessionsThroughRedisWithThePasswordFromASecret() {
        Container gateway = container(defaults, "gateway");
        Binder properties = binder(gateway);

        assertThat(properties.bind("selfdata.sessions.store", String.class).get())
                .isEqualTo("redis");
        assertThat(properties.bind("selfdata.sessions.redis.host", String.class).get())
                .isEqualTo("redis");
        assertThat(properties
                        .bind("selfdata.sessions.redis.port", Integer.class)
                        .get())
                .isEqualTo(6379);
        assertThat(properties
                        .bind("selfdata.sessions.redis.namespace", String.class)
                        .get())
                .isEqualTo("selfdata:gateway:sessions");
        assertThat(secretOf(gateway, "SELFDATA_SESSIONS_REDIS_PASSWORD")).isEqualTo("selfdata-redis");
        // no affinity: any replica serves any browser
        assertThat(defaults.named(Ingress.class, "selfdata").getMetadata().getAnnotations())
                .doesNotContainKey("nginx.ingress.kubernetes.io/affinity");
    }

    @Test
    void aSingleGatewayKeepsSessionsInMemoryUnlessToldToUseRedis() {
        Map<String, String> single = Map.of("gateway.replicas", "1", "gateway.autoscaling.enabled", "false");
        Container inMemory = container(RenderedChart.render(single), "gateway");
        Map<String, String> explicit = new HashMap<>(single);
        explicit.put("gateway.sessions.store", "redis");
        Container shared = container(RenderedChart.render(explicit), "gateway");

        assertThat(env(inMemory)).containsEntry("SELFDATA_SESSIONS_STORE", "memory");
        assertThat(inMemory.getEnv()).noneMatch(variable -> variable.getName().startsWith("SELFDATA_SESSIONS_REDIS_"));
        assertThat(env(shared)).containsEntry("SELFDATA_SESSIONS_STORE", "redis");
        assertThat(secretOf(shared, "SELFDATA_SESSIONS_REDIS_PASSWORD")).isEqualTo("selfdata-redis");
    }

    @Test
    void sessionsInMemoryOnSeveralGatewayReplicasAreRefused() {
        assertThatThrownBy(() -> RenderedChart.render(Map.of("gateway.sessions.store", "memory")))
                .hasMessageContaining("gateway.sessions.store=memory needs a single gateway replica");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("gateway.sessions.store", "disk")))
                .hasMessageContaining("must be memory or redis");
    }

    static Stream<Map<String, String>> valueSets() {
        return Stream.of(
                Map.of(),
                WITH_OPERATORS,
                Map.of("tenantService.kubernetesStep", "false", "governance.enabled", "false"));
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void noSecretValueIsEverInline(Map<String, String> values) {
        RenderedChart chart = RenderedChart.render(values);

        assertThat(chart.objects()).extracting(HasMetadata::getKind).doesNotContain("Secret");
        for (Deployment deployment : chart.all(Deployment.class)) {
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(container.getEnvFrom()).isNullOrEmpty();
                assertThat(container.getEnv())
                        .filteredOn(variable ->
                                SENSITIVE.matcher(variable.getName()).matches())
                        .isNotEmpty()
                        .allSatisfy(variable -> {
                            assertThat(variable.getValue())
                                    .as(variable.getName())
                                    .isNull();
                            assertThat(variable.getValueFrom().getSecretKeyRef().getName())
                                    .isNotBlank();
                        });
            }
        }
        for (GenericKubernetesResource keycloak : chart.all(GenericKubernetesResource.class)) {
            if (keycloak.getKind().equals("Keycloak")) {
                Map<String, Object> db = keycloak.get("spec", "db");
                assertThat(db)
                        .doesNotContainKeys("username", "password")
                        .containsKeys("usernameSecret", "passwordSecret");
            }
        }
    }

    @Test
    void withTheOperatorsPostgresIsACloudNativePgClusterAndKeycloakAnOperatorResource() {
        assertThat(defaults.all(GenericKubernetesResource.class))
                .as("no operator resource by default")
                .isEmpty();
        RenderedChart chart = RenderedChart.render(WITH_OPERATORS);

        List<GenericKubernetesResource> clusters = chart.all(GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getApiVersion().equals("postgresql.cnpg.io/v1")
                        && resource.getKind().equals("Cluster"))
                .toList();
        assertThat(clusters)
                .extracting(resource -> resource.getMetadata().getName())
                .containsExactlyInAnyOrder("selfdata-db", "selfdata-keycloak-db");
        assertThat(clusters)
                .allSatisfy(cluster ->
                        assertThat((Integer) cluster.get("spec", "instances")).isGreaterThanOrEqualTo(2));

        Container tenantService = container(chart, "tenant-service");
        assertThat(env(tenantService))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://selfdata-db-rw:5432/selfdata");
        assertThat(secretOf(tenantService, "SPRING_DATASOURCE_PASSWORD")).isEqualTo("selfdata-db-app");

        GenericKubernetesResource keycloak = chart.all(GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getKind().equals("Keycloak"))
                .findFirst()
                .orElseThrow();
        assertThat(keycloak.getApiVersion()).isEqualTo("k8s.keycloak.org/v2alpha1");
        assertThat((String) keycloak.get("spec", "db", "host")).isEqualTo("selfdata-keycloak-db-rw");
        assertThat((String) keycloak.get("spec", "db", "passwordSecret", "name"))
                .isEqualTo("selfdata-keycloak-db-app");
        assertThat(env(tenantService)).containsEntry("SELFDATA_KEYCLOAK_URL", "https://auth.selfdata.example.eu");
        assertThat(chart.named(Ingress.class, "selfdata-keycloak")
                        .getSpec()
                        .getRules()
                        .getFirst()
                        .getHost())
                .isEqualTo("auth.selfdata.example.eu");
    }

    private static Map<String, List<String>> rules(Role role) {
        Map<String, List<String>> rules = new TreeMap<>();
        for (PolicyRule rule : role.getRules()) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    rules.put(
                            group + "/" + resource,
                            rule.getVerbs().stream().sorted().toList());
                }
            }
        }
        return rules;
    }

    private static Container container(RenderedChart chart, String service) {
        return chart.named(Deployment.class, "selfdata-" + service)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst();
    }

    /** Plain env values by name (references left out). */
    private static Map<String, String> env(Container container) {
        return container.getEnv().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static String secretOf(Container container, String variable) {
        return container.getEnv().stream()
                .filter(env -> env.getName().equals(variable))
                .findFirst()
                .orElseThrow()
                .getValueFrom()
                .getSecretKeyRef()
                .getName();
    }
}
