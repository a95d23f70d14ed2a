import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Keycloak part of onboarding one city, timed: the admin calls tenant-service's CityIdentity
 * makes (ensureOrganization, ensurePortalClient, ensureFirstAdmin), in the same order, over plain
 * HTTP. Median and p95 over CITIES cities with few organizations in the realm, then again after
 * FILLER more organizations were created. No dependency beyond the JDK.
 *
 * Usage: java KeycloakOnboarding.java <keycloak-base-url> <admin-password> [cities=20] [filler=300]
 */
public class KeycloakOnboarding {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static String base;
    private static String adminPassword;
    private static String token;
    private static long tokenExpiresAt;

    public static void main(String[] args) throws Exception {
        base = args[0];
        adminPassword = args[1];
        int cities = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int filler = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        String run = Long.toString(System.currentTimeMillis() % 100000, 36);

        for (int i = 0; i < 3; i++) { // warm-up, not counted
            onboard("warm" + run + i);
        }
        report("with " + organizations() + " organizations in the realm", onboardAll("few" + run, cities));

        long start = System.nanoTime();
        for (int i = 0; i < filler; i++) {
            refreshToken();
            call("POST", "/organizations", "{\"name\":\"Filler " + run + " " + i + "\",\"alias\":\"fill" + run + i + "\",\"enabled\":true}", 201);
        }
        System.out.printf("created %d organizations one by one in %.1f s%n", filler, (System.nanoTime() - start) / 1e9);
        report("with " + organizations() + " organizations in the realm", onboardAll("many" + run, cities));
    }

    private static List<Double> onboardAll(String prefix, int cities) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < cities; i++) {
            millis.add(onboard(prefix + i));
        }
        return millis;
    }

    /** One city, as CityIdentity does it; returns the milliseconds it took. */
    private static double onboard(String slug) throws Exception {
        refreshToken(); // the Keycloak admin client keeps a token too; not part of the timing
        String clientId = "portal-" + slug;
        String origin = "http://" + slug + ".localhost:8080";
        String adminEmail = "admin@" + slug + ".example";
        long start = System.nanoTime();

        // ensureOrganization: search by name (loose), keep the alias; create
        if (!call("GET", "/organizations?search=" + slug + "&exact=false&first=0&max=100", null, 200).contains("\"alias\":\"" + slug + "\"")) {
            call("POST", "/organizations", "{\"name\":\"City " + slug + " (" + slug + ")\",\"alias\":\"" + slug + "\",\"enabled\":true}", 201);
        }
        // ensurePortalClient: find, create, find again, list roles, create the two city roles
        if (ids(call("GET", "/clients?clientId=" + clientId, null, 200)).isEmpty()) {
            call("POST", "/clients", portalClient(clientId, slug, origin), 201);
        }
        String client = ids(call("GET", "/clients?clientId=" + clientId, null, 200)).getFirst();
        String roles = call("GET", "/clients/" + client + "/roles", null, 200);
        for (String role : List.of("city-admin", "city-agent")) {
            if (!roles.contains("\"name\":\"" + role + "\"")) {
                call("POST", "/clients/" + client + "/roles", "{\"name\":\"" + role + "\",\"description\":\"City role\",\"composite\":false}", 201);
            }
        }
        // ensureFirstAdmin: find by e-mail, create (password to be set), membership, client role
        String email = URLEncoder.encode(adminEmail, StandardCharsets.UTF_8);
        if (ids(call("GET", "/users?email=" + email + "&exact=true", null, 200)).isEmpty()) {
            call("POST", "/users", "{\"username\":\"" + adminEmail + "\",\"email\":\"" + adminEmail
                    + "\",\"enabled\":true,\"requiredActions\":[\"UPDATE_PASSWORD\"]}", 201);
        }
        String user = ids(call("GET", "/users?email=" + email + "&exact=true", null, 200)).getFirst();
        String organization = organizationId(call("GET", "/organizations?search=" + slug + "&exact=false&first=0&max=100", null, 200), slug);
        call("POST", "/organizations/" + organization + "/members", "\"" + user + "\"", 201, 409);
        ids(call("GET", "/clients?clientId=" + clientId, null, 200));
        String cityAdmin = call("GET", "/clients/" + client + "/roles/city-admin", null, 200);
        call("POST", "/users/" + user + "/role-mappings/clients/" + client, "[" + cityAdmin + "]", 204);

        return (System.nanoTime() - start) / 1e6;
    }

    private static String portalClient(String clientId, String slug, String origin) {
        return """
                {"clientId":"%s","name":"City %s","publicClient":true,"standardFlowEnabled":true,
                 "directAccessGrantsEnabled":false,"implicitFlowEnabled":false,
                 "redirectUris":["%s/*"],"webOrigins":["%s"],"baseUrl":"%s/",
                 "defaultClientScopes":["basic","profile","email","roles","web-origins","organization","selfdata-api"],
                 "attributes":{"pkce.code.challenge.method":"S256","post.logout.redirect.uris":"%s/*","login_theme":"selfdata",
                   "selfdata.displayName":"City %s","selfdata.primaryColor":"#0b6e99","selfdata.secondaryColor":"#f2a900"}}
                """.formatted(clientId, slug, origin, origin, origin, origin, slug);
    }

    private static String organizationId(String organizations, String alias) {
        // objects of the list: {"id":"…","name":"…","alias":"…",…}; find the one whose alias matches
        for (String object : organizations.split("\\},\\{")) {
            if (object.contains("\"alias\":\"" + alias + "\"")) {
                Matcher id = ID.matcher(object);
                if (id.find()) {
                    return id.group(1);
                }
            }
        }
        throw new IllegalStateException("no organization " + alias);
    }

    private static int organizations() throws Exception {
        return Integer.parseInt(call("GET", "/organizations/count", null, 200).strip());
    }

    private static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = ID.matcher(json);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String call(String method, String path, String body, int... accepted) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/realms/selfdata" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }

    private static void refreshToken() throws Exception {
        if (token != null && System.currentTimeMillis() < tokenExpiresAt) {
            return;
        }
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("admin token: " + response.statusCode() + " " + response.body());
        }
        token = matcher.group(1);
        tokenExpiresAt = System.currentTimeMillis() + 30_000; // admin-cli tokens live 60 s
    }

    private static void report(String label, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        System.out.printf("%s: %d cities, median %.0f ms, p95 %.0f ms, min %.0f ms, max %.0f ms%n",
                label, sorted.size(), median, p95, sorted.getFirst(), sorted.getLast());
    }
}
