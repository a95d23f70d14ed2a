package eu.selfdata.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieHandler;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A citizen's browser, without JavaScript: the authorization code flow with PKCE S256 against a city's
 * portal client, through Keycloak's real HTML pages.
 */
final class CitizenBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final String clientId;
    private final String redirectUri;
    private final String scope;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LocalhostCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String codeVerifier = random(48);
    private final String state = random(16);

    /**
     * @param scope what the portal asks for: {@code openid organization:{slug}} is what a city portal should
     *              request (the token then names that city only, and only if the citizen is a member);
     *              plain {@code openid} relies on {@code organization} being a default scope of the client
     */
    CitizenBrowser(KeycloakServer keycloak, String clientId, String redirectUri, String scope) {
        this.keycloak = keycloak;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.scope = scope;
    }

    /** The page the portal sends a citizen to (identity-first: Keycloak asks for the email first). */
    Document openLoginPage() {
        URI authorize = URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?"
                + form(Map.of(
                        "client_id", clientId,
                        "response_type", "code",
                        "scope", scope,
                        "redirect_uri", redirectUri,
                        "state", state,
                        "code_challenge", codeChallenge(),
                        "code_challenge_method", "S256")));
        return page(get(authorize));
    }

    /** Registers through the login page's "Register" link and returns the tokens the portal would get. */
    JsonNode register(String email, String password, String firstName, String lastName) {
        Document login = openLoginPage();
        Element registerLink = login.selectFirst("a[href*=/login-actions/registration]");
        if (registerLink == null) {
            throw new AssertionError("No registration link on the login page:\n" + login.body());
        }
        Document registration = page(get(URI.create(registerLink.absUrl("href"))));
        Element form = registration.selectFirst("form#kc-register-form");
        if (form == null) {
            throw new AssertionError("No registration form:\n" + registration.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
        fields.put("email", email);
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("password", password);
        fields.put("password-confirm", password);
        HttpResponse<String> response = post(URI.create(form.absUrl("action")), fields);
        return exchange(authorizationCode(response));
    }

    /** Signs in on the identity-first pages (email, then password) and returns the tokens. */
    JsonNode login(String email, String password) {
        Document page = openLoginPage();
        for (int step = 0; step < 3; step++) {
            Element form = page.selectFirst("form#kc-form-login");
            if (form == null) {
                throw new AssertionError("No login form:\n" + page.body());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
            if (form.selectFirst("input[name=username]") != null) {
                fields.put("username", email);
            }
            if (form.selectFirst("input[name=password]") != null) {
                fields.put("password", password);
            }
            HttpResponse<String> response = post(URI.create(form.absUrl("action")), fields);
            if (response.statusCode() == 302) {
                return exchange(authorizationCode(response));
            }
            page = page(response);
        }
        throw new AssertionError("Still on a login page after three steps:\n" + page.body());
    }

    /**
     * "Forgot password?" on the login pages, the mail's link opened in this browser, a new password chosen:
     * returns the tokens the portal gets at the end.
     *
     * @param readLink waits for the reset mail and returns its link
     */
    JsonNode resetPassword(String email, String newPassword, java.util.function.Supplier<String> readLink) {
        Document page = openLoginPage();
        Element reset = page.selectFirst("a[href*=reset-credentials]");
        if (reset == null) {
            Element form = page.selectFirst("form#kc-form-login");
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
            fields.put("username", email);
            page = page(post(URI.create(form.absUrl("action")), fields));
            reset = page.selectFirst("a[href*=reset-credentials]");
        }
        if (reset == null) {
            throw new AssertionError("No 'forgot password' link:\n" + page.body());
        }
        Document ask = page(get(URI.create(reset.absUrl("href"))));
        Element form = ask.selectFirst("form#kc-reset-password-form");
        if (form == null) {
            throw new AssertionError("No reset form:\n" + ask.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
        fields.put("username", email);
        page(post(URI.create(form.absUrl("action")), fields));

        Document update = follow(readLink.get());
        Element choose = update.selectFirst("form#kc-passwd-update-form");
        if (choose == null) {
            throw new AssertionError("No new-password form behind the mail's link:\n" + update.body());
        }
        Map<String, String> password = new LinkedHashMap<>();
        choose.select("input[name]").forEach(input -> password.put(input.attr("name"), input.val()));
        password.put("password-new", newPassword);
        password.put("password-confirm", newPassword);
        return exchange(authorizationCode(post(URI.create(choose.absUrl("action")), password)));
    }

    /**
     * Opens a link from a mail (e.g. the e-mail verification) in this browser, following Keycloak's redirects, and
     * returns the page Keycloak shows.
     */
    Document follow(String link) {
        HttpResponse<String> response = get(URI.create(link));
        for (int hop = 0; hop < 5 && response.statusCode() / 100 == 3; hop++) {
            response = get(response.uri()
                    .resolve(response.headers().firstValue("Location").orElseThrow()));
        }
        return page(response);
    }

    private String authorizationCode(HttpResponse<String> response) {
        URI location = response.headers()
                .firstValue("Location")
                .map(URI::create)
                .orElseThrow(
                        () -> new AssertionError("Expected a redirect to the portal, got HTTP " + response.statusCode()
                                + ":\n" + Jsoup.parse(response.body()).body()));
        if (!location.toString().startsWith(redirectUri)) {
            throw new AssertionError("Redirected to " + location + " instead of the portal");
        }
        Map<String, String> query = java.util.Arrays.stream(
                        location.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0], pair -> java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("state mismatch in " + location);
        }
        return query.get("code");
    }

    private JsonNode exchange(String code) {
        HttpResponse<String> response = post(
                URI.create(keycloak.issuer() + "/protocol/openid-connect/token"),
                Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", redirectUri,
                        "client_id", clientId,
                        "code_verifier", codeVerifier));
        if (response.statusCode() != 200) {
            throw new AssertionError("Token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The decoded payload of a JWT (signature not checked: the test got it straight from the issuer). */
    static JsonNode payload(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Document page(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "HTTP " + response.statusCode() + " for " + response.uri() + ":\n" + response.body());
        }
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String codeChallenge() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /**
     * Keycloak marks its cookies {@code Secure}; browsers send them to http://localhost (a secure context),
     * the JDK's CookieManager does not. One host, so a name-to-value map is the whole cookie jar.
     */
    private static final class LocalhostCookies extends CookieHandler {

        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of(
                    "Cookie",
                    List.of(cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String setCookie) {
            String[] nameValue = setCookie.split(";", 2)[0].split("=", 2);
            String attributes = setCookie.toLowerCase(Locale.ROOT);
            if (attributes.contains("max-age=0") || nameValue[1].isEmpty()) {
                cookies.remove(nameValue[0].strip());
            } else {
                cookies.put(nameValue[0].strip(), nameValue[1].strip());
            }
        }
    }
}
