package eu.selfdata.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator API as a coordinator uses it: through the gateway on the platform host (the bare
 * base domain, which is what connecting to {@code http://localhost:<port>} sends as Host), with a
 * coordinator's bearer token.
 */
final class CoordinatorClient {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI gateway;
    private final String accessToken;
    private final JsonMapper json = JsonMapper.builder().build();

    CoordinatorClient(HttpClient http, URI gateway, String accessToken) {
        this.http = http;
        this.gateway = gateway;
        this.accessToken = accessToken;
    }

    /** @return false when the city already exists, e.g. onboarded by an earlier run */
    boolean onboard(DemoCity city) throws InterruptedException {
        HttpRequest request = platformRequest("/platform/tenants")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(city.onboardingRequest())))
                .build();
        HttpResponse<String> response = send(request);
        return switch (response.statusCode()) {
            case 202 -> true;
            case 409 -> false;
            default ->
                throw new IllegalStateException("Onboarding " + city.slug() + " was refused: HTTP "
                        + response.statusCode() + " " + response.body());
        };
    }

    /**
     * A new temporary password for the city's first admin ({@code POST /platform/tenants/{slug}/admin-credentials}),
     * to be changed at first sign-in.
     */
    String issueAdminPassword(String slug) throws InterruptedException {
        HttpResponse<String> response = send(platformRequest("/platform/tenants/" + slug + "/admin-credentials")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Issuing the first admin's password of " + slug + " was refused: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("temporaryPassword").asString();
    }

    /** Polls the city until it is ACTIVE; a FAILED onboarding is reported with its steps' errors. */
    void awaitActive(String slug, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode view = null;
        String status = "unknown";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response =
                    send(platformRequest("/platform/tenants/" + slug).GET().build());
            if (response.statusCode() == 200) {
                view = json.readTree(response.body());
                status = view.path("tenant").path("status").asString();
                if (status.equals("ACTIVE")) {
                    return;
                }
                if (status.equals("FAILED")) {
                    throw new IllegalStateException(slug + " onboarding FAILED: " + stepErrors(view));
                }
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException(slug + " was not ACTIVE after " + timeout.toSeconds() + " s (status " + status
                + (view == null ? "" : "; " + stepErrors(view)) + ")");
    }

    /** The gateway learns new cities by polling the registry: wait until it serves this one's portal. */
    void awaitServed(DemoCity city, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/"))
                .timeout(REQUEST_TIMEOUT)
                .header("Host", cityHost(city))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(timeout);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = send(request).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException("The gateway did not serve " + cityHost(city) + " after " + timeout.toSeconds()
                + " s (last: HTTP " + status + ")");
    }

    String cityHost(DemoCity city) {
        return city.slug() + ".localhost:" + gateway.getPort();
    }

    private HttpRequest.Builder platformRequest(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken);
    }

    private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + request.method() + " " + request.uri(), e);
        }
    }

    private static String stepErrors(JsonNode view) {
        List<String> steps = new ArrayList<>();
        for (JsonNode step : view.path("onboardingSteps")) {
            String error = step.path("lastError").asString("");
            steps.add(step.path("name").asString() + " " + step.path("state").asString()
                    + (error.isEmpty() ? "" : " (" + error + ")"));
        }
        return "steps " + steps;
    }
}
