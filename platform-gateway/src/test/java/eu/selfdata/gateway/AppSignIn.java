package eu.selfdata.gateway;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a mobile app or a script gets an access token: authorization code with PKCE against a public
 * client, the user signing in on Keycloak's real login page, the code exchanged at the token endpoint.
 */
final class AppSignIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AppSignIn() {}

    static String accessToken(String issuer, String clientId, String redirectUri, String username, String password) {
        String verifier = randomUrlSafe(32);
        String authorize = UriComponentsBuilder.fromUriString(issuer + "/protocol/openid-connect/auth")
                .queryParam("client_id", clientId)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", redirectUri)
                .queryParam("state", randomUrlSafe(16))
                .queryParam("code_challenge", challenge(verifier))
                .queryParam("code_challenge_method", "S256")
                .encode()
                .build()
                .toUriString();
        try (Browser browser = new Browser()) {
            Browser.Page loginPage = browser.get(authorize);
            Browser.Page back = browser.signIn(
                    loginPage, username, password, uri -> uri.toString().startsWith(redirectUri));
            String code = UriComponentsBuilder.fromUri(back.uri())
                    .build()
                    .getQueryParams()
                    .getFirst("code");
            if (code == null) {
                throw new IllegalStateException(
                        "Keycloak did not sign " + username + " in: " + back.status() + " " + back.uri());
            }
            return exchange(issuer, clientId, redirectUri, code, verifier);
        }
    }

    private static String exchange(String issuer, String clientId, String redirectUri, String code, String verifier) {
        String form = Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        clientId,
                        "code",
                        code,
                        "redirect_uri",
                        redirectUri,
                        "code_verifier",
                        verifier)
                .entrySet()
                .stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = Requests.send(
                    http,
                    HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
