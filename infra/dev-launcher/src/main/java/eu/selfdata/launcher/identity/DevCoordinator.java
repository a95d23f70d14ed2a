package eu.selfdata.launcher.identity;

import eu.selfdata.keycloak.KeycloakServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dev run's platform coordinator: Keycloak client {@value #CLIENT_ID}, confidential, whose
 * service account holds the realm role {@value #ROLE}. The realm file has no coordinator (a real one
 * signs in on {@code platform-console}); the launcher adds this one, once, as the realm administrator,
 * so that it can onboard the demo cities through the gateway like a coordinator would.
 */
public final class DevCoordinator {

    public static final String CLIENT_ID = "dev-launcher";
    private static final String ROLE = "platform-coordinator";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String secret;
    private final JsonMapper json = JsonMapper.builder().build();

    private DevCoordinator(HttpClient http, URI tokenEndpoint, String secret) {
        this.http = http;
        this.tokenEndpoint = tokenEndpoint;
        this.secret = secret;
    }

    /** Creates the client and its role mapping unless an earlier run did. */
    public static DevCoordinator ensure(HttpClient http, KeycloakServer keycloak) throws InterruptedException {
        AdminApi admin = new AdminApi(http, keycloak);
        Optional<String> existing = admin.clientUuid(CLIENT_ID);
        if (existing.isEmpty()) {
            admin.post("/clients", Map.of("clientId", CLIENT_ID, "name", "Dev launcher (platform coordinator)",
                    "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                    "directAccessGrantsEnabled", false));
        }
        String client = existing.isPresent() ? existing.get() : admin.clientUuid(CLIENT_ID).orElseThrow();
        String serviceAccount = admin.get("/clients/" + client + "/service-account-user").path("id").asString();
        JsonNode role = admin.get("/roles/" + ROLE);
        admin.post("/users/" + serviceAccount + "/role-mappings/realm", new Object[] {role});
        String secret = admin.get("/clients/" + client + "/client-secret").path("value").asString();
        return new DevCoordinator(http, URI.create(keycloak.issuer() + "/protocol/openid-connect/token"), secret);
    }

    public String secret() {
        return secret;
    }

    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** A fresh access token (client credentials; valid 5 minutes). */
    public String accessToken() throws InterruptedException {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(tokenEndpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", secret))))
                .build());
        return json.readTree(response.body()).path("access_token").asString();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + request.method() + " "
                        + request.uri() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not answer " + request.method() + " " + request.uri(), e);
        }
    }

    /** The admin REST API of the realm, as the master realm's bootstrap administrator. */
    private static final class AdminApi {

        private final HttpClient http;
        private final URI realm;
        private final String token;
        private final JsonMapper json = JsonMapper.builder().build();

        AdminApi(HttpClient http, KeycloakServer keycloak) throws InterruptedException {
            this.http = http;
            this.realm = URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM);
            HttpResponse<String> response = send(http, HttpRequest.newBuilder(
                            URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", keycloak.settings().adminUsername(), "password", keycloak.settings().adminPassword()))))
                    .build());
            this.token = json.readTree(response.body()).path("access_token").asString();
        }

        Optional<String> clientUuid(String clientId) throws InterruptedException {
            JsonNode found = get("/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).path("id").asString());
        }

        JsonNode get(String path) throws InterruptedException {
            return json.readTree(send(http, request(path).GET().build()).body());
        }

        void post(String path, Object body) throws InterruptedException {
            send(http, request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(realm + path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
        }
    }
}
