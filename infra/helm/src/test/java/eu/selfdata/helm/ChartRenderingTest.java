package eu.selfdata.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Path;
import java.time.Duration;
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
            "postgres.cloudNativePG.backup.destinationPath", "s3://selfdata-backups/",
            "keycloak.operator.enabled", "true");
    private static final Pattern SENSITIVE = Pattern.compile(".*(SECRET|PASSWORD|USERNAME|TOKEN|CREDENTIAL).*");

    private final RenderedChart defaults = RenderedChart.render(Map.of());

    @Test
    void theChartLintsCleanInStrictMode() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void defaultsRenderTheThreeServicesTheBrokerAndTheirCompanionsOnly() {
        Map<String, Long> kinds = defaults.objects().stream()
                .collect(Collectors.groupingBy(HasMetadata::getKind, TreeMap::new, Collectors.counting()));
        assertThat(kinds)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("Deployment", 3L),
                        Map.entry("StatefulSet", 1L),
                        Map.entry("PersistentVolumeClaim", 1L),
                        Map.entry("Service", 4L),
                        Map.entry("PodDisruptionBudget", 3L),
                        Map.entry("HorizontalPodAutoscaler", 2L),
                        Map.entry("Ingress", 1L),
                        Map.entry("ServiceAccount", 1L),
                        Map.entry("Role", 1L),
                        Map.entry("RoleBinding", 1L),
                        Map.entry("NetworkPolicy", 4L)));
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
                    .isEqualTo("management");
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
                    .isEqualTo("management");
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
    void theActuatorAnswersOnItsOwnPortWhichNoServiceAndSoNoIngressReaches() {
        for (String service : SERVICES) {
            Container container = container(defaults, service);
            Binder binder = binder(container);

            assertThat(binder.bind("management.server.port", Integer.class).get())
                    .as(service)
                    .isEqualTo(9090)
                    .isNotEqualTo(binder.bind("server.port", Integer.class).get());
            assertThat(container.getPorts()).anySatisfy(port -> {
                assertThat(port.getName()).isEqualTo("management");
                assertThat(port.getContainerPort()).isEqualTo(9090);
            });
            assertThat(defaults.named(Service.class, "selfdata-" + service)
                            .getSpec()
                            .getPorts())
                    .as("the only port a Service (and so the Ingress) reaches")
                    .singleElement()
                    .satisfies(
                            port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        }
    }

    @Test
    void networkPoliciesLetOnlyTheIngressControllerReachTheGatewayAndOnlyTheGatewayReachTheServices() {
        for (var workload : podTemplates(defaults).entrySet()) {
            Map<String, String> podLabels = workload.getValue().getMetadata().getLabels();
            assertThat(defaults.all(NetworkPolicy.class))
                    .as("policies selecting " + workload.getKey())
                    .filteredOn(policy -> podLabels
                            .entrySet()
                            .containsAll(policy.getSpec()
                                    .getPodSelector()
                                    .getMatchLabels()
                                    .entrySet()))
                    .singleElement()
                    .satisfies(policy -> assertThat(policy.getSpec().getPolicyTypes())
                            .containsExactlyInAnyOrder("Ingress", "Egress"));
        }
        assertThat(ingressSources(defaults, "gateway")).containsExactly("namespace ingress-nginx -> http");
        assertThat(ingressSources(defaults, "tenant-service")).containsExactly("pod gateway -> http");
        assertThat(ingressSources(defaults, "governance"))
                .containsExactly("pod gateway, pod tenant-service, pod mqtt-broker -> http");
        assertThat(ingressSources(defaults, "mqtt-broker"))
                .as("sensors from anywhere by default, and the replicas; nobody on http")
                .containsExactly("0.0.0.0/0, pod tenant-service -> mqtt");
        assertThat(ingressSources(
                        RenderedChart.render(Map.of("mqtt.broker.service.sourceRanges[0]", "198.51.100.0/24")),
                        "mqtt-broker"))
                .containsExactly("198.51.100.0/24, pod tenant-service -> mqtt");

        RenderedChart monitored = RenderedChart.render(Map.of("networkPolicy.monitoringNamespace", "monitoring"));
        assertThat(ingressSources(monitored, "tenant-service"))
                .containsExactly("pod gateway -> http", "namespace monitoring -> management");
        assertThat(RenderedChart.render(Map.of("networkPolicy.enabled", "false"))
                        .all(NetworkPolicy.class))
                .isEmpty();
    }

    @Test
    void networkPoliciesLetTheServicesReachTheDatabaseKeycloakAndTheirCalleesAndConnectorsOnlyPublicAddresses() {
        RenderedChart chart = RenderedChart.render(WITH_OPERATORS);
        List<String> everyAddress = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");

        assertThat(egressTargets(chart, "gateway"))
                .containsExactlyInAnyOrder(
                        "dns",
                        "pod tenant-service -> 8081",
                        "pod governance -> 8082",
                        "0.0.0.0/0 -> 6379",
                        "namespace ingress-nginx, public -> 443");
        assertThat(egressTargets(chart, "governance")).containsExactlyInAnyOrder("dns", "database selfdata-db -> 5432");
        assertThat(egressTargets(chart, "tenant-service"))
                .containsExactlyInAnyOrder(
                        "dns",
                        "pod governance -> 8082",
                        "pod mqtt-broker -> 8883",
                        "database selfdata-db -> 5432",
                        "namespace ingress-nginx, public -> 443",
                        "0.0.0.0/0 -> 443",
                        "public -> 80, 443, 21, 22, 8883");
        assertThat(egressTargets(chart, "mqtt-broker"))
                .as("what a replica reaches, but no connector address")
                .containsExactlyInAnyOrder(
                        "dns",
                        "pod governance -> 8082",
                        "database selfdata-db -> 5432",
                        "namespace ingress-nginx, public -> 443",
                        "0.0.0.0/0 -> 443");
        assertThat(policy(chart, "tenant-service").getSpec().getEgress())
                .flatExtracting(NetworkPolicyEgressRule::getTo)
                .filteredOn(peer -> peer.getIpBlock() != null
                        && !peer.getIpBlock().getExcept().isEmpty())
                .hasSize(2)
                .allSatisfy(peer -> assertThat(peer.getIpBlock().getExcept()).containsAll(everyAddress));

        RenderedChart narrowed = RenderedChart.render(Map.of(
                "networkPolicy.kubernetesApi.cidrs[0]", "172.20.0.1/32",
                "networkPolicy.kubernetesApi.port", "6443",
                "networkPolicy.externalDatabase.cidrs[0]", "10.3.0.0/24",
                "networkPolicy.connectorEgress.allowedPrivateCidrs[0]", "10.9.0.0/16",
                "governance.enabled", "false"));
        assertThat(egressTargets(narrowed, "tenant-service"))
                .containsExactlyInAnyOrder(
                        "dns",
                        "pod mqtt-broker -> 8883",
                        "10.3.0.0/24 -> 5432",
                        "namespace ingress-nginx, public -> 443",
                        "172.20.0.1/32 -> 6443",
                        "public, 10.9.0.0/16 -> 80, 443, 21, 22, 8883");
        assertThat(egressTargets(narrowed, "gateway")).contains("pod tenant-service -> 8081", "0.0.0.0/0 -> 6379");
        assertThat(egressTargets(
                        RenderedChart.render(Map.of(
                                "gateway.autoscaling.enabled", "false",
                                "gateway.replicas", "1",
                                "networkPolicy.redis.cidrs[0]", "10.4.0.7/32")),
                        "gateway"))
                .as("sessions in memory: no way to Redis")
                .noneMatch(target -> target.endsWith("6379"));
        assertThat(egressTargets(
                        RenderedChart.render(Map.of("networkPolicy.redis.cidrs[0]", "10.4.0.7/32")), "gateway"))
                .contains("10.4.0.7/32 -> 6379");
        assertThat(narrowed.all(NetworkPolicy.class))
                .extracting(policy -> policy.getMetadata().getName())
                .containsExactlyInAnyOrder("selfdata-gateway", "selfdata-tenant-service", "selfdata-mqtt-broker");
    }

    @Test
    void withTheOperatorsTheDatabaseAndKeycloakPodsAdmitOnlyTheirClients() {
        RenderedChart chart = RenderedChart.render(WITH_OPERATORS);

        NetworkPolicy platformDb = chart.named(NetworkPolicy.class, "selfdata-db");
        assertThat(platformDb.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(Map.of("cnpg.io/cluster", "selfdata-db"));
        assertThat(platformDb.getSpec().getIngress().getFirst().getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels())
                .containsExactlyInAnyOrder(
                        Map.of("app.kubernetes.io/name", "tenant-service", "app.kubernetes.io/instance", "selfdata"),
                        Map.of("app.kubernetes.io/name", "governance", "app.kubernetes.io/instance", "selfdata"),
                        Map.of("app.kubernetes.io/name", "mqtt-broker", "app.kubernetes.io/instance", "selfdata"),
                        Map.of("cnpg.io/cluster", "selfdata-db"));
        assertThat(chart.named(NetworkPolicy.class, "selfdata-keycloak-db")
                        .getSpec()
                        .getIngress()
                        .getFirst()
                        .getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels())
                .doesNotContain(
                        Map.of("app.kubernetes.io/name", "tenant-service", "app.kubernetes.io/instance", "selfdata"))
                .contains(Map.of("app", "keycloak", "app.kubernetes.io/instance", "selfdata-keycloak"));
        assertThat(chart.named(NetworkPolicy.class, "selfdata-keycloak")
                        .getSpec()
                        .getPolicyTypes())
                .containsExactly("Ingress");
    }

    @Test
    void withCloudNativePgEveryClusterArchivesItsWalAndIsBackedUpOnASchedule() {
        RenderedChart chart = RenderedChart.render(WITH_OPERATORS);

        for (String cluster : List.of("selfdata-db", "selfdata-keycloak-db")) {
            GenericKubernetesResource scheduled = generic(chart, "ScheduledBackup", cluster);
            assertThat(scheduled.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
            assertThat((String) scheduled.get("spec", "cluster", "name")).isEqualTo(cluster);
            assertThat((String) scheduled.get("spec", "schedule")).isEqualTo("0 0 2 * * *");
            assertThat((String) scheduled.get("spec", "method")).isEqualTo("plugin");
            assertThat((String) scheduled.get("spec", "pluginConfiguration", "name"))
                    .isEqualTo("barman-cloud.cloudnative-pg.io");

            GenericKubernetesResource store = generic(chart, "ObjectStore", cluster + "-backup");
            assertThat((String) store.get("spec", "retentionPolicy")).isEqualTo("30d");
            assertThat((String) store.get("spec", "configuration", "destinationPath"))
                    .isEqualTo("s3://selfdata-backups/");
            assertThat((String) store.get("spec", "configuration", "data", "encryption"))
                    .isEqualTo("AES256");
            assertThat((String) store.get("spec", "configuration", "wal", "encryption"))
                    .isEqualTo("AES256");
            assertThat((String) store.get("spec", "configuration", "s3Credentials", "secretAccessKey", "name"))
                    .isEqualTo("selfdata-backup-store");

            List<Map<String, Object>> plugins =
                    generic(chart, "Cluster", cluster).get("spec", "plugins");
            assertThat(plugins).singleElement().satisfies(plugin -> {
                assertThat(plugin).containsEntry("name", "barman-cloud.cloudnative-pg.io");
                assertThat(plugin).containsEntry("isWALArchiver", true);
                assertThat(plugin).containsEntry("parameters", Map.of("barmanObjectName", cluster + "-backup"));
            });
        }

        assertThatThrownBy(() -> RenderedChart.render(Map.of("postgres.cloudNativePG.enabled", "true")))
                .hasMessageContaining("postgres.cloudNativePG.backup.destinationPath");
        RenderedChart unsaved = RenderedChart.render(
                Map.of("postgres.cloudNativePG.enabled", "true", "postgres.cloudNativePG.backup.enabled", "false"));
        assertThat(unsaved.all(GenericKubernetesResource.class))
                .extracting(HasMetadata::getKind)
                .containsExactly("Cluster");
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
    void tenantServiceMayTouchOnlyIngressesConfigMapsAndLeasesInItsNamespace() {
        assertThat(defaults.yaml()).doesNotContain("kind: ClusterRole");
        Role role = defaults.named(Role.class, "selfdata-tenant-service");

        assertThat(rules(role))
                .isEqualTo(Map.of(
                        // what KubernetesStepTest sees the onboarding step use, no more
                        "networking.k8s.io/ingresses",
                        List.of("create", "delete", "deletecollection", "get", "update"),
                        "/configmaps",
                        List.of("create", "deletecollection", "get", "update"),
                        // fabric8's LeaderElector (one connector run per city): reads, creates and patches its Leases
                        "coordination.k8s.io/leases",
                        List.of("create", "get", "list", "patch", "update", "watch")));
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
                .containsExactly("coordination.k8s.io/leases");
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
    void extraDatabaseClustersReachTenantServiceAsItsClusterSettingsWithCredentialsFromTheirSecret() {
        Container tenantService = container(
                RenderedChart.render(Map.of(
                        "postgres.clusters[0].name", "east",
                        "postgres.clusters[0].url", "jdbc:postgresql://pg-east:5432/selfdata",
                        "postgres.clusters[0].secret", "selfdata-east-db",
                        "postgres.clusters[0].poolSize", "6")),
                "tenant-service");
        Binder settings = binder(tenantService);

        assertThat(settings.bind("selfdata.database.clusters.east.url", String.class)
                        .get())
                .isEqualTo("jdbc:postgresql://pg-east:5432/selfdata");
        assertThat(settings.bind("selfdata.database.clusters.east.maximum-pool-size", Integer.class)
                        .get())
                .isEqualTo(6);
        assertThat(secretOf(tenantService, "SELFDATA_DATABASE_CLUSTERS_EAST_USERNAME"))
                .isEqualTo("selfdata-east-db");
        assertThat(secretOf(tenantService, "SELFDATA_DATABASE_CLUSTERS_EAST_PASSWORD"))
                .isEqualTo("selfdata-east-db");
        assertThat(env(container(defaults, "tenant-service"))).doesNotContainKey("SELFDATA_DATABASE_CLUSTERS_EAST_URL");
        assertThatThrownBy(() -> RenderedChart.render(Map.of(
                        "postgres.clusters[0].name", "east-1",
                        "postgres.clusters[0].url", "jdbc:postgresql://pg-east:5432/selfdata",
                        "postgres.clusters[0].secret", "selfdata-east-db")))
                .hasMessageContaining("postgres.clusters");
    }

    @Test
    void offboardingArchivesOutliveThePodInAFolderOfTheSharedClaimByDefault() {
        var pod = defaults.named(Deployment.class, "selfdata-tenant-service")
                .getSpec()
                .getTemplate()
                .getSpec();

        assertThat(pod.getVolumes()).noneMatch(volume -> volume.getName().equals("archives"));
        assertThat(pod.getContainers().getFirst().getVolumeMounts())
                .filteredOn(mount -> mount.getMountPath()
                        .equals(env(pod.getContainers().getFirst()).get("SELFDATA_OFFBOARDING_ARCHIVEDIR")))
                .singleElement()
                .satisfies(mount -> {
                    assertThat(mount.getName()).isEqualTo("shared");
                    assertThat(mount.getSubPath()).isEqualTo("archives");
                });
        assertThat(pod.getVolumes())
                .filteredOn(volume -> volume.getName().equals("shared"))
                .singleElement()
                .satisfies(
                        volume -> assertThat(volume.getPersistentVolumeClaim().getClaimName())
                                .isEqualTo("selfdata-shared"));
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
    void dropFoldersAndUploadsLiveUnderTheDataRootOnAReadWriteManyClaimTheChartOwns() {
        PersistentVolumeClaim claim = defaults.named(PersistentVolumeClaim.class, "selfdata-shared");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(claim.getSpec().getResources().getRequests().get("storage")).isEqualTo(new Quantity("20Gi"));
        assertThat(claim.getSpec().getStorageClassName()).isNull();
        assertThat(claim.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");

        for (PodTemplateSpec pod : tenantServicePods(defaults)) {
            Container container = pod.getSpec().getContainers().getFirst();
            Map<String, String> env = env(container);
            assertThat(pod.getSpec().getVolumes())
                    .filteredOn(volume -> volume.getName().equals("shared"))
                    .singleElement()
                    .satisfies(volume -> assertThat(
                                    volume.getPersistentVolumeClaim().getClaimName())
                            .isEqualTo("selfdata-shared"));
            assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
                assertThat(mount.getName()).isEqualTo("shared");
                assertThat(mount.getMountPath()).startsWith("/var/lib/selfdata/");
                assertThat(env.get("SELFDATA_CONNECTORS_DROPDIRECTORY")).startsWith(mount.getMountPath() + "/");
                assertThat(env.get("SELFDATA_MOBILITYCARBON_TAKEOUT_STORAGE")).startsWith(mount.getMountPath() + "/");
            });
            // every folder the platform keeps state in is on a volume of the data root, none in /tmp
            assertThat(env.values())
                    .filteredOn(value -> value.startsWith("/"))
                    .isNotEmpty()
                    .allSatisfy(path -> {
                        assertThat(path).startsWith("/var/lib/selfdata/");
                        assertThat(container.getVolumeMounts())
                                .anySatisfy(mount -> assertThat(path).startsWith(mount.getMountPath()));
                    });
            assertThat(container.getVolumeMounts())
                    .filteredOn(mount -> mount.getMountPath().equals("/tmp"))
                    .singleElement()
                    .satisfies(mount -> assertThat(pod.getSpec().getVolumes())
                            .filteredOn(volume -> volume.getName().equals(mount.getName()))
                            .singleElement()
                            .satisfies(volume -> assertThat(volume.getEmptyDir())
                                    .as("/tmp is scratch only")
                                    .isNotNull()));
        }

        RenderedChart chosen = RenderedChart.render(Map.of(
                "tenantService.sharedFiles.storageClassName", "cephfs", "tenantService.sharedFiles.size", "200Gi"));
        PersistentVolumeClaim sized = chosen.named(PersistentVolumeClaim.class, "selfdata-shared");
        assertThat(sized.getSpec().getStorageClassName()).isEqualTo("cephfs");
        assertThat(sized.getSpec().getResources().getRequests().get("storage")).isEqualTo(new Quantity("200Gi"));
        assertThat(env(container(defaults, "tenant-service"))
                        .get("SELFDATA_CONNECTORS_OUTBOUND_PLATFORMHOSTS")
                        .split(","))
                .contains("selfdata.example.eu", "*.selfdata.example.eu", "localhost", "*.svc");
    }

    @Test
    void anExistingClaimReplacesTheChartsOwn() {
        RenderedChart chart = RenderedChart.render(Map.of("tenantService.sharedFiles.existingClaim", "selfdata-drops"));

        assertThat(chart.all(PersistentVolumeClaim.class)).isEmpty();
        assertThat(tenantServicePods(chart))
                .allSatisfy(pod -> assertThat(pod.getSpec().getVolumes())
                        .filteredOn(volume -> volume.getName().equals("shared"))
                        .singleElement()
                        .satisfies(volume -> assertThat(
                                        volume.getPersistentVolumeClaim().getClaimName())
                                .isEqualTo("selfdata-drops")));
    }

    @Test
    void sharedFilesInAnEmptyDirAreRefusedUnlessASinglePodUsesThem() {
        Map<String, String> single = Map.of(
                "tenantService.sharedFiles.emptyDir", "true",
                "tenantService.replicas", "1",
                "tenantService.autoscaling.enabled", "false",
                "mqtt.mode", "external",
                "mqtt.external.url", "ssl://mqtt.example.eu:8883");
        RenderedChart chart = RenderedChart.render(single);
        assertThat(chart.all(PersistentVolumeClaim.class)).isEmpty();
        assertThat(chart.named(Deployment.class, "selfdata-tenant-service")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getVolumes())
                .filteredOn(volume -> volume.getName().equals("shared"))
                .singleElement()
                .satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());

        for (Map.Entry<String, String> change : Map.of(
                        "tenantService.replicas", "2",
                        "tenantService.autoscaling.enabled", "true",
                        "mqtt.mode", "broker")
                .entrySet()) {
            Map<String, String> several = new HashMap<>(single);
            several.put(change.getKey(), change.getValue());
            assertThatThrownBy(() -> RenderedChart.render(several))
                    .as(change.getKey())
                    .hasMessageContaining("tenantService.sharedFiles.emptyDir=true needs a single pod");
        }
    }

    @Test
    void theBrokerRunsAsItsOwnWorkloadWithTheCitiesAccountsAndTheReplicasConnectToItWithoutListening() {
        StatefulSet broker = defaults.named(StatefulSet.class, "selfdata-mqtt");
        assertThat(broker.getSpec().getReplicas()).isEqualTo(1);
        PodTemplateSpec pod = broker.getSpec().getTemplate();
        Container container = pod.getSpec().getContainers().getFirst();
        Binder brokerProperties = binder(container);

        assertThat(container.getImage())
                .isEqualTo(container(defaults, "tenant-service").getImage());
        assertThat(brokerProperties
                        .bind("selfdata.connectors.mqtt.role", String.class)
                        .get())
                .isEqualTo("broker");
        assertThat(brokerProperties
                        .bind("selfdata.connectors.enabled", Boolean.class)
                        .get())
                .as("no connector route on the broker pod")
                .isFalse();
        assertThat(brokerProperties
                        .bind("selfdata.connectors.mqtt.embedded-host", String.class)
                        .get())
                .isEqualTo("0.0.0.0");
        assertThat(brokerProperties
                        .bind("selfdata.connectors.mqtt.embedded-port", Integer.class)
                        .get())
                .isEqualTo(8883);
        assertThat(container.getPorts())
                .extracting(port -> port.getName() + ":" + port.getContainerPort())
                .containsExactlyInAnyOrder("mqtt:8883", "management:9090");
        // the per-city accounts are read from the database with the platform key
        assertThat(secretOf(container, "SPRING_DATASOURCE_PASSWORD")).isEqualTo("selfdata-database");
        assertThat(secretOf(container, "SELFDATA_CONNECTORS_SECRETKEY")).isEqualTo("selfdata-connector-secret-key");
        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();

        String journal = brokerProperties
                .bind("selfdata.connectors.mqtt.embedded-data-directory", String.class)
                .get();
        assertThat(container.getVolumeMounts())
                .filteredOn(mount -> mount.getName().equals("journal"))
                .singleElement()
                .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo(journal));
        assertThat(broker.getSpec().getVolumeClaimTemplates()).singleElement().satisfies(claim -> {
            assertThat(claim.getMetadata().getName()).isEqualTo("journal");
            assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        });
        String keyStore = brokerProperties
                .bind("selfdata.connectors.mqtt.tls.key-store.path", String.class)
                .get();
        assertThat(secretOf(container, "SELFDATA_CONNECTORS_MQTT_TLS_KEYSTORE_PASSWORD"))
                .isEqualTo("selfdata-mqtt-tls-password");
        assertThat(pod.getSpec().getVolumes())
                .filteredOn(volume -> volume.getName().equals("mqtt-tls"))
                .singleElement()
                .satisfies(
                        volume -> assertThat(volume.getSecret().getSecretName()).isEqualTo("selfdata-mqtt-tls"));
        assertThat(container.getVolumeMounts())
                .anySatisfy(mount -> assertThat(keyStore).startsWith(mount.getMountPath() + "/"));

        Service sensors = defaults.named(Service.class, "selfdata-mqtt");
        assertThat(sensors.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(sensors.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
        assertThat(sensors.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(8883);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("mqtt");
        });
        assertThat(pod.getMetadata().getLabels())
                .containsAllEntriesOf(sensors.getSpec().getSelector());
        assertThat(container(defaults, "tenant-service").getPorts())
                .noneMatch(port -> port.getName().equals("mqtt"));

        Container replica = container(defaults, "tenant-service");
        Binder client = binder(replica);
        assertThat(client.bind("selfdata.connectors.mqtt.role", String.class).get())
                .isEqualTo("client");
        assertThat(client.bind("selfdata.connectors.mqtt.url", String.class).get())
                .isEqualTo("ssl://selfdata-mqtt:8883");
        assertThat(client.bind("selfdata.connectors.mqtt.embedded-port", Integer.class)
                        .isBound())
                .isFalse();
        assertThat(client.bind("selfdata.connectors.mqtt.tls.trust-store.path", String.class)
                        .get())
                .isEqualTo("/var/lib/selfdata/mqtt-tls/truststore.p12");
    }

    @Test
    void withoutTlsTheBrokerListensOn1883AndItsServiceTypeIsTheOperatorsChoice() {
        RenderedChart chart =
                RenderedChart.render(Map.of("mqtt.tls.enabled", "false", "mqtt.broker.service.type", "ClusterIP"));

        Service sensors = chart.named(Service.class, "selfdata-mqtt");
        assertThat(sensors.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(sensors.getSpec().getExternalTrafficPolicy()).isNull();
        assertThat(sensors.getSpec().getPorts().getFirst().getPort()).isEqualTo(1883);
        assertThat(env(container(chart, "tenant-service")))
                .containsEntry("SELFDATA_CONNECTORS_MQTT_URL", "tcp://selfdata-mqtt:1883")
                .doesNotContainKey("SELFDATA_CONNECTORS_MQTT_TLS_TRUSTSTORE_PATH");
        assertThat(egressTargets(chart, "tenant-service")).contains("pod mqtt-broker -> 1883");
    }

    @Test
    void anExternalBrokerIsGivenByUrlAndTheReplicasReachItAndNoBrokerRunsHere() {
        RenderedChart chart = RenderedChart.render(Map.of(
                "mqtt.mode", "external",
                "mqtt.external.url", "ssl://mqtt.example.eu:8884",
                "mqtt.external.cidrs[0]", "203.0.113.0/24"));

        assertThat(chart.all(StatefulSet.class)).isEmpty();
        assertThat(chart.all(Service.class))
                .extracting(service -> service.getMetadata().getName())
                .doesNotContain("selfdata-mqtt");
        assertThat(chart.all(NetworkPolicy.class))
                .extracting(policy -> policy.getMetadata().getName())
                .doesNotContain("selfdata-mqtt-broker");
        Container replica = container(chart, "tenant-service");
        assertThat(env(replica))
                .containsEntry("SELFDATA_CONNECTORS_MQTT_ROLE", "client")
                .containsEntry("SELFDATA_CONNECTORS_MQTT_URL", "ssl://mqtt.example.eu:8884")
                .containsEntry(
                        "SELFDATA_CONNECTORS_MQTT_TLS_TRUSTSTORE_PATH", "/var/lib/selfdata/mqtt-tls/truststore.p12");
        assertThat(egressTargets(chart, "tenant-service"))
                .contains("203.0.113.0/24 -> 8884")
                .noneMatch(target -> target.startsWith("pod mqtt-broker"));

        assertThatThrownBy(() -> RenderedChart.render(Map.of("mqtt.mode", "external")))
                .hasMessageContaining("mqtt.external.url is required");
        assertThatThrownBy(() -> RenderedChart.render(
                        Map.of("mqtt.mode", "external", "mqtt.external.url", "ssl://mqtt.example.eu:8883/{{x}}")))
                .hasMessageContaining("mqtt.external.url must be ssl://host:port");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("mqtt.mode", "embedded")))
                .hasMessageContaining("mqtt.mode must be broker or external");
    }

    @Test
    void tenantServiceReplicasShareTheCitiesConnectorsThroughLeasesNamedByTheDownwardApi() {
        Container container = container(defaults, "tenant-service");
        Binder tenantService = binder(container);

        assertThat(env(container))
                .containsEntry("SELFDATA_CONNECTORS_CLUSTER", "kubernetes")
                .containsEntry("SELFDATA_CONNECTORS_LEASE_PREFIX", "selfdata");
        assertThat(tenantService
                        .bind("selfdata.connectors.lease.duration", Duration.class)
                        .get())
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(tenantService
                        .bind("selfdata.connectors.lease.renew-deadline", Duration.class)
                        .get())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(tenantService
                        .bind("selfdata.connectors.lease.retry-period", Duration.class)
                        .get())
                .isEqualTo(Duration.ofSeconds(2));
        // the Lease holder is the pod, the Leases live in its namespace (LeaseSettings.resolve)
        assertThat(fieldRefs(container))
                .containsEntry("POD_NAME", "metadata.name")
                .containsEntry("POD_NAMESPACE", "metadata.namespace");
    }

    @Test
    void oneTenantServiceReplicaRunsEveryConnectorAndGetsNoLeases() {
        RenderedChart chart = RenderedChart.render(Map.of(
                "tenantService.autoscaling.enabled", "false",
                "tenantService.replicas", "1",
                "tenantService.kubernetesStep", "false"));

        assertThat(env(container(chart, "tenant-service")))
                .containsEntry("SELFDATA_CONNECTORS_CLUSTER", "none")
                .doesNotContainKey("SELFDATA_CONNECTORS_LEASE_DURATION");
        assertThat(chart.named(Role.class, "selfdata-tenant-service").getRules())
                .isEmpty();
    }

    @Test
    void theDatabaseLocksStayAChoiceAndThenNoLeaseIsGranted() {
        RenderedChart chart = RenderedChart.render(Map.of("tenantService.connectorCluster.mode", "jdbc"));

        assertThat(env(container(chart, "tenant-service"))).containsEntry("SELFDATA_CONNECTORS_CLUSTER", "jdbc");
        assertThat(rules(chart.named(Role.class, "selfdata-tenant-service")))
                .doesNotContainKey("coordination.k8s.io/leases");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("tenantService.connectorCluster.mode", "zookeeper")))
                .hasMessageContaining("tenantService.connectorCluster.mode must be");
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
        for (PodTemplateSpec pod : podTemplates(chart).values()) {
            for (Container container : pod.getSpec().getContainers()) {
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

    /** infra/README.md's step-by-step deployment installs with this file: it must render what the guide says. */
    @Test
    void thePartnersExampleValuesRenderTheDeploymentTheGuideDescribes() {
        RenderedChart chart = RenderedChart.render(Path.of("examples/partner-values.yaml"), Map.of());

        assertThat(SERVICES)
                .allSatisfy(service -> assertThat(container(chart, service).getImage())
                        .isEqualTo("registry.example.eu/selfdata/" + service + ":0.1.0"));
        assertThat(chart.named(PersistentVolumeClaim.class, "selfdata-shared")
                        .getSpec()
                        .getStorageClassName())
                .isEqualTo("nfs-rwx");
        assertThat(chart.all(GenericKubernetesResource.class))
                .extracting(HasMetadata::getKind)
                .contains("Cluster", "ScheduledBackup", "ObjectStore", "Keycloak");
        assertThat(env(container(chart, "tenant-service")))
                .containsEntry(
                        "SELFDATA_DATABASE_CLUSTERS_EAST_URL", "jdbc:postgresql://selfdata-east-rw:5432/selfdata");
        assertThat(env(container(chart, "gateway"))).containsEntry("SELFDATA_SESSIONS_STORE", "redis");
        assertThat(egressTargets(chart, "gateway")).contains("10.4.0.0/24 -> 6379");
        assertThat(chart.named(Service.class, "selfdata-mqtt").getSpec().getLoadBalancerSourceRanges())
                .containsExactly("203.0.113.0/24");
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

    private static NetworkPolicy policy(RenderedChart chart, String service) {
        return chart.named(NetworkPolicy.class, "selfdata-" + service);
    }

    /** Each ingress rule of a service's policy as "sources -> ports". */
    private static List<String> ingressSources(RenderedChart chart, String service) {
        return policy(chart, service).getSpec().getIngress().stream()
                .map(rule -> describe(rule.getFrom()) + " -> " + ports(rule.getPorts()))
                .toList();
    }

    /** Each egress rule of a service's policy as "targets -> ports" ("dns" for the cluster's DNS). */
    private static List<String> egressTargets(RenderedChart chart, String service) {
        return policy(chart, service).getSpec().getEgress().stream()
                .map(rule -> {
                    String targets = describe(rule.getTo());
                    return targets.equals("namespace kube-system") ? "dns" : targets + " -> " + ports(rule.getPorts());
                })
                .toList();
    }

    private static String describe(List<NetworkPolicyPeer> peers) {
        assertThat(peers).as("a rule without peers admits everyone").isNotEmpty();
        return peers.stream()
                .map(peer -> {
                    if (peer.getIpBlock() != null) {
                        List<String> except = peer.getIpBlock().getExcept();
                        boolean publicOnly =
                                peer.getIpBlock().getCidr().equals("0.0.0.0/0") && except != null && !except.isEmpty();
                        return publicOnly ? "public" : peer.getIpBlock().getCidr();
                    }
                    if (peer.getNamespaceSelector() != null) {
                        return "namespace "
                                + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                    }
                    Map<String, String> labels = peer.getPodSelector().getMatchLabels();
                    return labels.containsKey("cnpg.io/cluster")
                            ? "database " + labels.get("cnpg.io/cluster")
                            : "pod " + labels.get("app.kubernetes.io/name");
                })
                .collect(Collectors.joining(", "));
    }

    private static String ports(List<NetworkPolicyPort> ports) {
        return ports.stream()
                .map(port -> port.getPort().getStrVal() != null
                        ? port.getPort().getStrVal()
                        : String.valueOf(port.getPort().getIntVal()))
                .collect(Collectors.joining(", "));
    }

    private static GenericKubernetesResource generic(RenderedChart chart, String kind, String name) {
        return chart.all(GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getKind().equals(kind)
                        && resource.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in\n" + chart.yaml()));
    }

    /** The pod template of every workload (Deployments and StatefulSets) by name. */
    private static Map<String, PodTemplateSpec> podTemplates(RenderedChart chart) {
        Map<String, PodTemplateSpec> pods = new TreeMap<>();
        chart.all(Deployment.class)
                .forEach(deployment -> pods.put(
                        deployment.getMetadata().getName(), deployment.getSpec().getTemplate()));
        chart.all(StatefulSet.class)
                .forEach(set ->
                        pods.put(set.getMetadata().getName(), set.getSpec().getTemplate()));
        return pods;
    }

    /** The replicas' pods and the broker's, which is a tenant-service pod too. */
    private static List<PodTemplateSpec> tenantServicePods(RenderedChart chart) {
        Map<String, PodTemplateSpec> pods = podTemplates(chart);
        assertThat(pods).containsKeys("selfdata-tenant-service", "selfdata-mqtt");
        return List.of(pods.get("selfdata-tenant-service"), pods.get("selfdata-mqtt"));
    }

    private static Container container(RenderedChart chart, String service) {
        return chart.named(Deployment.class, "selfdata-" + service)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst();
    }

    /** Downward-API env values by name: the pod field each one reads. */
    private static Map<String, String> fieldRefs(Container container) {
        return container.getEnv().stream()
                .filter(variable -> variable.getValueFrom() != null
                        && variable.getValueFrom().getFieldRef() != null)
                .collect(Collectors.toMap(
                        EnvVar::getName,
                        variable -> variable.getValueFrom().getFieldRef().getFieldPath()));
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
