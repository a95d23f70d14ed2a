package eu.selfdata.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One gateway under test against a real Keycloak: a fixed port known before Spring starts (Keycloak
 * must list its redirect URIs), an echoing tenant-service with La Rochelle and Lyon, and the realm
 * data those cities need. Users are created once with a password that meets the realm's policy.
 */
record KeycloakGateway(TestKeycloak keycloak, FakeUpstream tenantService, int port) implements AutoCloseable {

    static final String PASSWORD = "Gateway-tests-2026!";
    // the realm uses the e-mail address as username
    static final String LA_ROCHELLE_CITIZEN = "citizen.larochelle@gateway-tests.example";
    static final String LYON_CITIZEN = "citizen.lyon@gateway-tests.example";
    static final String COORDINATOR = "coordinator@gateway-tests.example";
    static final String SHORT_LIVED_CLIENT = "gateway-tests-short-lived";

    static KeycloakGateway start(TestKeycloak keycloak) {
        FakeUpstream tenantService = FakeUpstream.start("tenant-service")
                .putTenant("larochelle", "ACTIVE")
                .putTenant("lyon", "ACTIVE");
        KeycloakGateway gateway = new KeycloakGateway(keycloak, tenantService, freePort());
        RealmAdmin realm = keycloak.admin();
        realm.ensureCity("larochelle", gateway.origin("larochelle.localhost"));
        realm.ensureCity("lyon", gateway.origin("lyon.localhost"));
        realm.allowOrigin("platform-console", gateway.origin("localhost"));
        realm.ensureShortLivedClient(SHORT_LIVED_CLIENT, gateway.origin("larochelle.localhost"), Duration.ofSeconds(2));
        realm.ensureUser(LA_ROCHELLE_CITIZEN, PASSWORD, List.of("larochelle"), List.of("citizen"));
        realm.ensureUser(LYON_CITIZEN, PASSWORD, List.of("lyon"), List.of("citizen"));
        realm.ensureUser(COORDINATOR, PASSWORD, List.of(), List.of("platform-coordinator"));
        return gateway;
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> port);
        registry.add("selfdata.gateway.secret", () -> Signatures.SECRET);
        registry.add("selfdata.routes.tenant-service-uri", tenantService::uri);
        registry.add("selfdata.routes.governance-uri", tenantService::uri);
        registry.add("selfdata.identity.issuer-uri", keycloak::issuer);
        registry.add("selfdata.identity.clock-skew", () -> "0s");
    }

    /** {@code http://{host}:{port}} */
    String origin(String host) {
        return "http://" + host + ":" + port;
    }

    /** An access token as a mobile app of {@code city} gets it for {@code username}. */
    String appToken(String clientId, String city, String username) {
        return AppSignIn.accessToken(
                keycloak.issuer(),
                clientId,
                origin(city == null ? "localhost" : city + ".localhost") + "/app",
                username,
                PASSWORD);
    }

    @Override
    public void close() {
        tenantService.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
