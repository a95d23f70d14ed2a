package eu.selfdata.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few admin REST calls {@link KeycloakServer} makes, as the master realm's administrator: read a confidential
 * client's secret (the realm file carries none: Keycloak generates one at import, so a file imported anywhere
 * never brings a known secret with it) and change realm settings (the SMTP server).
 */
final class AdminRest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");

    private AdminRest() {}

    static String clientSecret(URI baseUrl, String adminUsername, String adminPassword, String realm, String clientId) {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String token = adminToken(http, baseUrl, adminUsername, adminPassword);
            URI clients = baseUrl.resolve("/admin/realms/" + realm + "/clients");
            // a client representation starts with its "id"; protocol mappers' ids come after it
            String id = first(
                    ID,
                    send(
                            http,
                            HttpRequest.newBuilder(URI.create(clients + "?clientId=" + encode(clientId)))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()),
                    "client " + clientId);
            return first(
                    VALUE,
                    send(
                            http,
                            HttpRequest.newBuilder(URI.create(clients + "/" + id + "/client-secret"))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()),
                    "secret of " + clientId);
        }
    }

    /** {@code PUT /admin/realms/{realm}} with a partial representation: the fields it names change, the others stay. */
    static void updateRealm(URI baseUrl, String adminUsername, String adminPassword, String realm, String json) {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String token = adminToken(http, baseUrl, adminUsername, adminPassword);
            send(
                    http,
                    HttpRequest.newBuilder(baseUrl.resolve("/admin/realms/" + realm))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }
    }

    private static String adminToken(HttpClient http, URI baseUrl, String adminUsername, String adminPassword) {
        return first(
                ACCESS_TOKEN,
                send(
                        http,
                        HttpRequest.newBuilder(baseUrl.resolve("/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=password&client_id=admin-cli&username=" + encode(adminUsername)
                                                + "&password=" + encode(adminPassword)))),
                "admin token");
    }

    private static String send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String first(Pattern pattern, String json, String what) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + what + " in " + json);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
