package eu.selfdata.governance.support;

import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.tenant.TenantServiceApplication;
import eu.selfdata.tenant.modules.EnergyPilotModule;
import eu.selfdata.tenant.support.TestIdentities;
import eu.selfdata.testsupport.TestPostgres;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real tenant-service, started once in the test JVM on the shared PostgreSQL and Keycloak (with
 * the test module {@code energy-pilot}), and governance's service account in Keycloak: the client
 * {@code governance} of the realm file, created here when the running Keycloak predates it.
 */
public final class RunningTenantService {

    public static final String SECRET = "test-gateway-secret-0123456789";
    public static final String GOVERNANCE_CLIENT = "governance";
    private static RunningTenantService shared;

    private final ConfigurableApplicationContext context;
    private final String governanceSecret;

    private RunningTenantService() {
        TestIdentities identities = TestIdentities.shared();
        Map<String, Object> properties = new HashMap<>(TestPostgres.springDatasourceProperties());
        properties.putAll(identities.server().springProperties());
        properties.putAll(identities.mailProperties());
        properties.put("server.port", 0);
        properties.put("selfdata.gateway.secret", SECRET);
        // the same test key as tenant-service's own tests (not a secret); drop folders in a folder of this run
        properties.put("selfdata.connectors.secret-key", eu.selfdata.tenant.support.TenantServiceTest.CONNECTOR_KEY);
        properties.put("selfdata.backup.key", eu.selfdata.tenant.support.TenantServiceTest.BACKUP_KEY);
        java.nio.file.Path data = temporaryFolder();
        properties.put(
                "selfdata.connectors.drop-directory", data.resolve("connectors").toString());
        properties.put(
                "selfdata.mobility-carbon.takeout.storage",
                data.resolve("takeout").toString());
        properties.put("spring.datasource.hikari.maximum-pool-size", 4);
        properties.put("selfdata.onboarding.resume-interval", "1h");
        properties.put("selfdata.onboarding.resume-initial-delay", "1h");
        properties.put("selfdata.tenants.cache-ttl", "0s");
        properties.put("selfdata.usage.flush-interval", "1h");
        // governance's application.yml is the one on this JVM's classpath: tenant-service's own bundles, named again
        properties.put("spring.messages.basename", "messages,messages/notices,messages/mobility-carbon,messages/waste");
        // as command-line arguments: they outrank tenant-service's application.yml
        this.context = new SpringApplicationBuilder(TenantServiceApplication.class, EnergyPilotModule.class)
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
        this.governanceSecret = ensureGovernanceClient(identities.realm());
    }

    public static synchronized RunningTenantService shared() {
        if (shared == null) {
            shared = new RunningTenantService();
        }
        return shared;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public GatewaySignature signature() {
        return context.getBean(GatewaySignature.class);
    }

    /**
     * Points tenant-service's erasure saga at the governance under test (started after it, on a port known
     * only then); {@link AutoCloseable#close()} points it nowhere again.
     */
    public AutoCloseable governanceAt(String url) {
        var sources = context.getEnvironment().getPropertySources();
        String name = "governance-under-test";
        sources.addFirst(
                new org.springframework.core.env.MapPropertySource(name, Map.of("selfdata.governance.url", url)));
        return () -> sources.remove(name);
    }

    public String governanceSecret() {
        return governanceSecret;
    }

    /** Confidential, service account only, realm role platform-coordinator: as in the realm file. */
    private static String ensureGovernanceClient(RealmResource realm) {
        if (realm.clients().findByClientId(GOVERNANCE_CLIENT).isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(GOVERNANCE_CLIENT);
            client.setPublicClient(false);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setServiceAccountsEnabled(true);
            client.setDefaultClientScopes(List.of("basic", "roles", "acr", "selfdata-api", "service_account"));
            try (Response ignored = realm.clients().create(client)) {
                // 201 or 409 when another JVM created it meanwhile
            }
        }
        String id = realm.clients().findByClientId(GOVERNANCE_CLIENT).getFirst().getId();
        var serviceAccount = realm.clients().get(id).getServiceAccountUser();
        realm.users()
                .get(serviceAccount.getId())
                .roles()
                .realmLevel()
                .add(List.of(realm.roles().get("platform-coordinator").toRepresentation()));
        return realm.clients().get(id).getSecret().getValue();
    }

    private static java.nio.file.Path temporaryFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("governance-tenant-service");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
