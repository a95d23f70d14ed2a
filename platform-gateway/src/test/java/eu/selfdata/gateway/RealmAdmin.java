package eu.selfdata.gateway;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data in the {@code selfdata} realm through Keycloak's admin REST API, idempotent and additive
 * so that several modules can share one Keycloak: cities (Organization + public portal client),
 * redirect URIs for this test's gateway, users with their cities and roles.
 */
final class RealmAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final String realm;
    private final String adminUsername;
    private final String adminPassword;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RealmAdmin(URI baseUrl, String realm, String adminUsername, String adminPassword) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    /** The city's Organization (alias = slug) and its public PKCE client {@code portal-{slug}} accepting {@code origin}. */
    void ensureCity(String slug, String origin) {
        if (organizationId(slug) == null) {
            call(
                    "POST",
                    "/organizations",
                    Map.of("name", slug + " (gateway tests)", "alias", slug, "enabled", true),
                    201,
                    409);
        }
        String clientId = "portal-" + slug;
        if (find("/clients?clientId=" + clientId).isEmpty()) {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", clientId);
            client.put("publicClient", true);
            client.put("standardFlowEnabled", true);
            client.put("directAccessGrantsEnabled", false);
            client.put("redirectUris", List.of());
            client.put(
                    "defaultClientScopes",
                    List.of("basic", "profile", "email", "roles", "web-origins", "organization", "selfdata-api"));
            client.put("attributes", Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", ""));
            call("POST", "/clients", client, 201, 409);
        }
        allowOrigin(clientId, origin);
        String id = find("/clients?clientId=" + clientId).getFirst().get("id").asString();
        for (String role : List.of("city-admin", "city-agent")) {
            call("POST", "/clients/" + id + "/roles", Map.of("name", role), 201, 409);
        }
    }

    /** Adds {@code origin/*} to a client's redirect and post-logout redirect URIs, keeping the others. */
    void allowOrigin(String clientId, String origin) {
        JsonNode client = find("/clients?clientId=" + clientId).getFirst();
        String id = client.get("id").asString();
        Map<String, Object> representation = JSON.convertValue(client, Map.class);
        List<String> redirects = new ArrayList<>(JSON.convertValue(client.path("redirectUris"), List.class));
        if (!redirects.contains(origin + "/*")) {
            redirects.add(origin + "/*");
        }
        representation.put("redirectUris", redirects);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes =
                new LinkedHashMap<>((Map<String, Object>) representation.getOrDefault("attributes", Map.of()));
        String postLogout = (String) attributes.getOrDefault("post.logout.redirect.uris", "");
        if (!List.of(postLogout.split("##")).contains(origin + "/*")) {
            attributes.put(
                    "post.logout.redirect.uris",
                    postLogout.isBlank() ? origin + "/*" : postLogout + "##" + origin + "/*");
        }
        representation.put("attributes", attributes);
        call("PUT", "/clients/" + id, representation, 204);
    }

    /** Sets one attribute of a client, as tenant-service does for a city's portal (e.g. its registration limit). */
    void setClientAttribute(String clientId, String name, String value) {
        JsonNode client = find("/clients?clientId=" + clientId).getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Object> representation = JSON.convertValue(client, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes =
                new LinkedHashMap<>((Map<String, Object>) representation.getOrDefault("attributes", Map.of()));
        attributes.put(name, value);
        representation.put("attributes", attributes);
        call("PUT", "/clients/" + client.get("id").asString(), representation, 204);
    }

    /** A public client for scripts and apps whose access tokens live {@code lifespan}, for expiry tests. */
    void ensureShortLivedClient(String clientId, String origin, Duration lifespan) {
        if (find("/clients?clientId=" + clientId).isEmpty()) {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", clientId);
            client.put("publicClient", true);
            client.put("standardFlowEnabled", true);
            client.put("redirectUris", List.of(origin + "/*"));
            client.put("defaultClientScopes", List.of("basic", "roles", "organization", "selfdata-api"));
            client.put(
                    "attributes",
                    Map.of(
                            "pkce.code.challenge.method",
                            "S256",
                            "access.token.lifespan",
                            String.valueOf(lifespan.toSeconds())));
            call("POST", "/clients", client, 201, 409);
        }
        allowOrigin(clientId, origin);
    }

    /** A user (named by its e-mail address) with a password, member of {@code cities}, holding {@code realmRoles}; returns its id. */
    String ensureUser(String username, String password, List<String> cities, List<String> realmRoles) {
        if (find("/users?exact=true&username=" + username).isEmpty()) {
            call(
                    "POST",
                    "/users",
                    Map.of(
                            "username",
                            username,
                            "enabled",
                            true,
                            "email",
                            username,
                            "emailVerified",
                            true,
                            "firstName",
                            "Gateway",
                            "lastName",
                            "Tester",
                            "credentials",
                            List.of(Map.of("type", "password", "value", password, "temporary", false))),
                    201,
                    409);
        }
        String id = find("/users?exact=true&username=" + username)
                .getFirst()
                .get("id")
                .asString();
        for (String city : cities) {
            String organization = organizationId(city);
            call("POST", "/organizations/" + organization + "/members", id, 201, 409);
        }
        List<Object> roles = new ArrayList<>();
        for (String role : realmRoles) {
            roles.add(JSON.convertValue(get("/roles/" + role), Map.class));
        }
        if (!roles.isEmpty()) {
            call("POST", "/users/" + id + "/role-mappings/realm", roles, 204);
        }
        return id;
    }

    /** The realm's active event listeners ({@code selfdata-city-membership} makes registrants members of their city). */
    List<String> eventListeners() {
        List<String> listeners = new ArrayList<>();
        get("/events/config").path("eventsListeners").forEach(listener -> listeners.add(listener.asString()));
        return listeners;
    }

    /** The id of the user named {@code username}, or null. */
    String userId(String username) {
        return find("/users?exact=true&username=" + encode(username)).stream()
                .map(user -> user.get("id").asString())
                .findFirst()
                .orElse(null);
    }

    /** The aliases of the organizations {@code userId} is a member of. */
    List<String> organizationsOf(String userId) {
        List<String> aliases = new ArrayList<>();
        get("/organizations/members/" + userId + "/organizations")
                .forEach(organization -> aliases.add(organization.path("alias").asString()));
        return aliases;
    }

    private String organizationId(String alias) {
        return find("/organizations?first=0&max=1000").stream()
                .filter(organization -> alias.equals(organization.path("alias").asString()))
                .map(organization -> organization.get("id").asString())
                .findFirst()
                .orElse(null);
    }

    private List<JsonNode> find(String path) {
        List<JsonNode> found = new ArrayList<>();
        get(path).forEach(found::add);
        return found;
    }

    private JsonNode get(String path) {
        HttpResponse<String> response =
                Requests.send(http, authorized(path).GET().build());
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    private void call(String method, String path, Object body, int... accepted) {
        HttpRequest request = authorized(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        expect(Requests.send(http, request), accepted);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + adminToken());
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(adminUsername) + "&password="
                + encode(adminPassword);
        HttpResponse<String> response = Requests.send(
                http,
                HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        expect(response, 200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static void expect(HttpResponse<String> response, int... accepted) {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(response.request().method() + " "
                + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
