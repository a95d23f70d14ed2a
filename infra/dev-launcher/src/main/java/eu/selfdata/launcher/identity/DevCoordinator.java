package eu.selfdata.launcher.identity;

import eu.selfdata.keycloak.KeycloakServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dev run's platform coordinator: Keycloak client {@value #CLIENT_ID}, confidential, whose
 * service account holds the realm role {@value #ROLE}. The realm file has no coordinator (a real one
 * signs in on {@code platform-console}); the launcher adds this one, once, as the realm administrator,
 * so that it can onboard the demo cities through the gateway like a coordinator would.
 */
public final class DevCoordinator {

    public static final String CLIENT_ID = "dev-launcher";
    static final String ROLE = "platform-coordinator";

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
        String secret =
                coordinatorClient(new AdminApi(http, keycloak), CLIENT_ID, "Dev launcher (platform coordinator)");
        return new DevCoordinator(http, URI.create(keycloak.issuer() + "/protocol/openid-connect/token"), secret);
    }

    /**
     * A confidential client, service account only, whose service account holds {@value #ROLE}: created
     * unless the realm file or an earlier run did. Returns its secret.
     */
    public static String coordinatorClient(AdminApi admin, String clientId, String name) throws InterruptedException {
        Optional<String> existing = admin.clientUuid(clientId);
        if (existing.isEmpty()) {
            admin.post(
                    "/clients",
                    Map.of(
                            "clientId",
                            clientId,
                            "name",
                            name,
                            "publicClient",
                            false,
                            "serviceAccountsEnabled",
                            true,
                            "standardFlowEnabled",
                            false,
                            "directAccessGrantsEnabled",
                            false));
        }
        String client = existing.isPresent()
                ? existing.get()
                : admin.clientUuid(clientId).orElseThrow();
        String serviceAccount = admin.get("/clients/" + client + "/service-account-user")
                .path("id")
                .asString();
        JsonNode role = admin.get("/roles/" + ROLE);
        admin.post("/users/" + serviceAccount + "/role-mappings/realm", new Object[] {role});
        return admin.get("/clients/" + client + "/client-secret").path("value").asString();
    }

    public String secret() {
        return secret;
    }

    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** A fresh access token (client credentials; valid 5 minutes). */
    public String accessToken() throws InterruptedException {
        HttpResponse<String> response = AdminApi.send(
                http,
                HttpRequest.newBuilder(tokenEndpoint)
                        .timeout(AdminApi.TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(AdminApi.form(Map.of(
                                "grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", secret))))
                        .build());
        return json.readTree(response.body()).path("access_token").asString();
    }
}
