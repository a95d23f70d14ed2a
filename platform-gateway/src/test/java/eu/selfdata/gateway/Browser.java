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
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A minimal browser: follows redirects itself, keeps cookies per host exactly as set (host-only,
 * since neither the gateway nor Keycloak here sets a Domain), fills and submits Keycloak's login
 * forms, and sends {@code Accept: text/html} and {@code Origin} on form posts like a real browser.
 */
final class Browser implements AutoCloseable {

    private static final int MAX_REDIRECTS = 20;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** authority (host:port) → cookie name → value */
    private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

    record Page(int status, URI uri, String body, Map<String, List<String>> headers) {

        Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    Page get(String url) {
        return follow(request(URI.create(url)).GET().build(), uri -> false);
    }

    /** Follows redirects until one points at a location accepted by {@code stop}, without requesting it. */
    Page getUntil(String url, Predicate<URI> stop) {
        return follow(request(URI.create(url)).GET().build(), stop);
    }

    Page post(String url, Map<String, String> form) {
        return post(URI.create(url), form, uri -> false);
    }

    /** Posts the form and follows redirects until one points at a location accepted by {@code stop}, without requesting it. */
    Page postUntil(String url, Map<String, String> form, Predicate<URI> stop) {
        return post(URI.create(url), form, stop);
    }

    /**
     * Signs in on the Keycloak page in front of it: fills the username and/or password fields of
     * each form Keycloak shows (the identity-first flow of organizations asks for them in turn).
     */
    Page signIn(Page page, String username, String password, Predicate<URI> stop) {
        Page current = page;
        for (int step = 0; step < 4; step++) {
            Element form = current.document().selectFirst("form#kc-form-login, form[action*=login-actions]");
            if (form == null || !current.uri().getPath().contains("/realms/")) {
                return current;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element input : form.select("input[name]")) {
                fields.put(input.attr("name"), input.val());
            }
            if (fields.containsKey("username")) {
                fields.put("username", username);
            }
            if (fields.containsKey("password")) {
                fields.put("password", password);
            }
            current = post(URI.create(form.absUrl("action")), fields, stop);
        }
        return current;
    }

    String cookie(String authority, String name) {
        return cookies.getOrDefault(authority, Map.of()).get(name);
    }

    void setCookie(String authority, String name, String value) {
        cookies.computeIfAbsent(authority, key -> new LinkedHashMap<>()).put(name, value);
    }

    @Override
    public void close() {
        http.close();
    }

    private Page post(URI uri, Map<String, String> form, Predicate<URI> stop) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", uri.getScheme() + "://" + uri.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return follow(request, stop);
    }

    private Page follow(HttpRequest first, Predicate<URI> stop) {
        HttpRequest request = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<String> response = Requests.send(http, request);
            storeCookies(request.uri(), response);
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return new Page(
                        response.statusCode(),
                        request.uri(),
                        response.body(),
                        response.headers().map());
            }
            URI next = request.uri().resolve(location);
            if (stop.test(next)) {
                return new Page(
                        response.statusCode(),
                        next,
                        response.body(),
                        response.headers().map());
            }
            request = request(next).GET().build();
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects from " + first.uri());
    }

    private HttpRequest.Builder request(URI uri) {
        // generous: on 2 shared cores with Keycloak and other test JVMs busy, a sign-in step took over 20 s once
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en");
        Map<String, String> jar = cookies.getOrDefault(uri.getAuthority().toLowerCase(Locale.ROOT), Map.of());
        if (!jar.isEmpty()) {
            builder.header(
                    "Cookie",
                    jar.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private void storeCookies(URI uri, HttpResponse<?> response) {
        Map<String, String> jar =
                cookies.computeIfAbsent(uri.getAuthority().toLowerCase(Locale.ROOT), key -> new LinkedHashMap<>());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] attributes = header.split(";");
            String[] pair = attributes[0].split("=", 2);
            String name = pair[0].strip();
            String value = pair.length > 1 ? pair[1].strip() : "";
            boolean expired = value.isEmpty()
                    || List.of(attributes).stream()
                            .anyMatch(attribute -> attribute.strip().equalsIgnoreCase("Max-Age=0"));
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    static List<String> setCookieHeaders(Page page) {
        return new ArrayList<>(page.headers().getOrDefault("set-cookie", List.of()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
