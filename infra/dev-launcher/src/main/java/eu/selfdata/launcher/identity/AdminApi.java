package eu.selfdata.launcher.identity;

import eu.selfdata.keycloak.KeycloakServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin REST API of the realm, as the master realm's bootstrap administrator: what the launcher
 * (and its integration test) needs of it, nothing more. The token lives 60 s; create one per use.
 */
public final class AdminApi {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI realm;
    private final String token;
    private final JsonMapper json = JsonMapper.builder().build();

    public AdminApi(HttpClient http, KeycloakServer keycloak) throws InterruptedException {
        this.http = http;
        this.realm = URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM);
        HttpResponse<String> response = send(
                http,
                HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                keycloak.settings().adminUsername(),
                                "password",
                                keycloak.settings().adminPassword()))))
                        .build());
        this.token = json.readTree(response.body()).path("access_token").asString();
    }

    public Optional<String> clientUuid(String clientId) throws InterruptedException {
        JsonNode found = get("/clients?clientId=" + encode(clientId));
        return found.isEmpty()
                ? Optional.empty()
                : Optional.of(found.get(0).path("id").asString());
    }

    /** The user whose username is exactly {@code username} (e-mail addresses are usernames in this realm). */
    public Optional<JsonNode> user(String username) throws InterruptedException {
        JsonNode found = get("/users?exact=true&briefRepresentation=false&username=" + encode(username));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The Organization of a city. An exact search matches names, not aliases: search loosely, then keep the alias. */
    public Optional<String> organizationId(String alias) throws InterruptedException {
        for (JsonNode organization : get("/organizations?first=0&max=100&search=" + encode(alias))) {
            if (alias.equals(organization.path("alias").asString())) {
                return Optional.of(organization.path("id").asString());
            }
        }
        return Optional.empty();
    }

    /** Aliases of the Organizations (cities) the user is a member of. */
    public List<String> organizationsOf(String userId) throws InterruptedException {
        List<String> aliases = new ArrayList<>();
        get("/organizations/members/" + userId + "/organizations?briefRepresentation=true")
                .forEach(organization -> aliases.add(organization.path("alias").asString()));
        return aliases;
    }

    /** Joins the Organization; a membership already there is fine. */
    public void addMember(String organizationId, String userId) throws InterruptedException {
        // the body is the user id as a JSON string
        send(
                http,
                request("/organizations/" + organizationId + "/members")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(userId)))
                        .build(),
                409);
    }

    public List<String> realmRolesOf(String userId) throws InterruptedException {
        return names(get("/users/" + userId + "/role-mappings/realm"));
    }

    public List<String> clientRolesOf(String userId, String clientId) throws InterruptedException {
        return names(get("/users/" + userId + "/role-mappings/clients/"
                + clientUuid(clientId).orElseThrow()));
    }

    /** Whether the user has a password at all (a fresh Keycloak next to an old dev-data file has none). */
    public boolean hasPassword(String userId) throws InterruptedException {
        for (JsonNode credential : get("/users/" + userId + "/credentials")) {
            if ("password".equals(credential.path("type").asString())) {
                return true;
            }
        }
        return false;
    }

    public void setPassword(String userId, String password) throws InterruptedException {
        put("/users/" + userId + "/reset-password", Map.of("type", "password", "value", password, "temporary", false));
    }

    public JsonNode get(String path) throws InterruptedException {
        return json.readTree(send(http, request(path).GET().build()).body());
    }

    public void post(String path, Object body) throws InterruptedException {
        send(
                http,
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build());
    }

    public void put(String path, Object body) throws InterruptedException {
        send(
                http,
                request(path)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(realm + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    private static List<String> names(JsonNode roles) {
        List<String> names = new ArrayList<>();
        roles.forEach(role -> names.add(role.path("name").asString()));
        return names;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** @param alsoAccepted statuses of 300 and more that still mean success (409: already there) */
    static HttpResponse<String> send(HttpClient http, HttpRequest request, int... alsoAccepted)
            throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 300 && Arrays.stream(alsoAccepted).noneMatch(accepted -> accepted == status)) {
                throw new IllegalStateException("Keycloak answered " + status + " to " + request.method() + " "
                        + request.uri() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not answer " + request.method() + " " + request.uri(), e);
        }
    }
}
