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
 * Reads a confidential client's secret through the admin REST API, as the master realm's administrator.
 * The realm file carries no secret: Keycloak generates one at import, so a file imported anywhere never
 * brings a known secret with it.
 */
final class ClientSecrets {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");

    private ClientSecrets() {
    }

    static String read(URI baseUrl, String adminUsername, String adminPassword, String realm, String clientId) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String token = first(ACCESS_TOKEN, send(http, HttpRequest.newBuilder(baseUrl.resolve("/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                            + encode(adminUsername) + "&password=" + encode(adminPassword)))), "admin token");
            URI clients = baseUrl.resolve("/admin/realms/" + realm + "/clients");
            // a client representation starts with its "id"; protocol mappers' ids come after it
            String id = first(ID, send(http, HttpRequest.newBuilder(URI.create(clients + "?clientId=" + encode(clientId)))
                    .header("Authorization", "Bearer " + token).GET()), "client " + clientId);
            return first(VALUE, send(http, HttpRequest.newBuilder(URI.create(clients + "/" + id + "/client-secret"))
                    .header("Authorization", "Bearer " + token).GET()), "secret of " + clientId);
        }
    }

    private static String send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
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
