package eu.selfdata.tenant.support;

import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.contract.PlatformHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running tenant-service the way the gateway does: tenant header plus signature. */
public final class ServiceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final String baseUrl;
    private final GatewaySignature signature;
    private final TestIdentities identities;

    public ServiceClient(HttpClient http, int port, GatewaySignature signature, TestIdentities identities) {
        this.http = http;
        this.baseUrl = "http://localhost:" + port;
        this.signature = signature;
        this.identities = identities;
    }

    /** An anonymous request on a city's host. */
    public Response city(String slug, String method, String path, Object body) {
        return send(
                builder(path)
                        .header(PlatformHeaders.TENANT_ID, slug)
                        .header(PlatformHeaders.TENANT_SIGNATURE, signature.sign(slug)),
                method,
                body);
    }

    /** A request on a city's host with this access token. */
    public Response cityAs(String token, String slug, String method, String path, Object body) {
        return send(
                builder(path)
                        .header(PlatformHeaders.TENANT_ID, slug)
                        .header(PlatformHeaders.TENANT_SIGNATURE, signature.sign(slug))
                        .header("Authorization", "Bearer " + token),
                method,
                body);
    }

    /** A file sent as the body of a POST on a city's host with this access token, as an app or a script uploads it. */
    public Response uploadAs(String token, String slug, String path, String contentType, byte[] body) {
        return post(builder(path), token, slug, contentType, body);
    }

    private Response post(HttpRequest.Builder builder, String token, String slug, String contentType, byte[] body) {
        return exchange(builder.header(PlatformHeaders.TENANT_ID, slug)
                .header(PlatformHeaders.TENANT_SIGNATURE, signature.sign(slug))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A portal page on a city's host in this language, as a browser asks for it (with the gateway's relayed token). */
    public Response pageAs(String token, String slug, String language, String path) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Accept", "text/html")
                        .header("Accept-Language", language)
                        .header(PlatformHeaders.TENANT_ID, slug)
                        .header(PlatformHeaders.TENANT_SIGNATURE, signature.sign(slug))
                        .header("Authorization", "Bearer " + token),
                "GET",
                null);
    }

    /** A form a browser posts on a city's host: {@code application/x-www-form-urlencoded} or a multipart body with its boundary. */
    public Response formAs(String token, String slug, String language, String path, String contentType, byte[] body) {
        return post(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Accept", "text/html")
                        .header("Accept-Language", language),
                token,
                slug,
                contentType,
                body);
    }

    /** A request on the platform (coordinator) host, as the lead coordinator. */
    public Response platform(String method, String path, Object body) {
        return platformAs(identities.coordinatorToken(), method, path, body);
    }

    /** A request on the platform host with this access token. */
    public Response platformAs(String token, String method, String path, Object body) {
        HttpRequest.Builder builder = builder(path).header(PlatformHeaders.TENANT_SIGNATURE, signature.sign(""));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder, method, body);
    }

    /** A form post ({@code application/x-www-form-urlencoded}) as a page's form sends it; {@code slug} null for the platform host. */
    public Response formAs(String token, String slug, String path, Map<String, String> form) {
        HttpRequest.Builder builder = builder(path)
                .header(PlatformHeaders.TENANT_SIGNATURE, signature.sign(slug == null ? "" : slug))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (slug != null) {
            builder.header(PlatformHeaders.TENANT_ID, slug);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return exchange(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Streams a city-host download to a file (no body in memory); returns the status. */
    public int downloadAs(String token, String slug, String path, java.nio.file.Path target) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header(PlatformHeaders.TENANT_ID, slug)
                .header(PlatformHeaders.TENANT_SIGNATURE, signature.sign(slug))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofFile(target)).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request with exactly the headers given: to forge what a client might send. */
    public Response raw(String method, String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder, method, null);
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json, application/problem+json, text/html");
    }

    private Response send(HttpRequest.Builder builder, String method, Object body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return exchange(builder.method(method, publisher).build());
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response response(HttpResponse<String> response) {
        return new Response(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    /**
     * @param location   the redirect's target, null when none
     * @param retryAfter the {@code Retry-After} header, null when none
     */
    public record Response(int status, String body, String contentType, String location, String retryAfter) {

        public Response(int status, String body, String contentType) {
            this(status, body, contentType, null, null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem type's last path segment, e.g. "unknown-tenant". */
        public String problemType() {
            String type = json().path("type").asString();
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }
}
