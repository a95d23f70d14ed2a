package eu.selfdata.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.selfdata.contract.PlatformHeaders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for tenant-service or governance: serves the tenant directory
 * (with ETag and 304) and echoes any other request's path and headers back as JSON.
 */
final class FakeUpstream implements AutoCloseable {

    static final String DIRECTORY_PATH = "/internal/tenant-directory";
    /** A request header that makes this upstream answer with {@link PlatformHeaders#IMAGE_ORIGIN} set to its value. */
    static final String ASK_IMAGE_ORIGIN = "X-Test-Image-Origin";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private final Map<String, Map<String, Object>> tenants = new LinkedHashMap<>();
    private final AtomicInteger directoryCalls = new AtomicInteger();
    private volatile Map<String, List<String>> lastDirectoryRequestHeaders = Map.of();
    private volatile boolean directoryFailing;
    private int version;

    private FakeUpstream(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeUpstream start(String name) {
        try {
            return new FakeUpstream(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized FakeUpstream putTenant(String slug, String status, String... customDomains) {
        tenants.put(slug, Map.of("slug", slug, "status", status, "customDomains", List.of(customDomains)));
        version++;
        return this;
    }

    /** A city whose directory entry carries the rate limits its coordinator set. */
    synchronized FakeUpstream putTenant(String slug, Map<String, Integer> rateLimits) {
        tenants.put(
                slug, Map.of("slug", slug, "status", "ACTIVE", "customDomains", List.of(), "rateLimits", rateLimits));
        version++;
        return this;
    }

    int directoryCalls() {
        return directoryCalls.get();
    }

    Map<String, List<String>> lastDirectoryRequestHeaders() {
        return lastDirectoryRequestHeaders;
    }

    void failDirectory(boolean failing) {
        directoryFailing = failing;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals(DIRECTORY_PATH)) {
                serveDirectory(exchange);
            } else {
                // a page's service may name one more image origin for its CSP: tests ask the upstream to
                String imageOrigin = exchange.getRequestHeaders().getFirst(ASK_IMAGE_ORIGIN);
                if (imageOrigin != null) {
                    exchange.getResponseHeaders().set(PlatformHeaders.IMAGE_ORIGIN, imageOrigin);
                }
                respond(
                        exchange,
                        200,
                        JSON.writeValueAsBytes(Map.of(
                                "upstream", name,
                                "path", exchange.getRequestURI().toString(),
                                "headers", headers(exchange))));
            }
        }
    }

    private void serveDirectory(HttpExchange exchange) throws IOException {
        directoryCalls.incrementAndGet();
        lastDirectoryRequestHeaders = headers(exchange);
        if (directoryFailing) {
            respond(exchange, 500, "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body;
        String etag;
        synchronized (this) {
            etag = "\"v" + version + "\"";
            body = JSON.writeValueAsBytes(
                    Map.of("version", "v" + version, "tenants", new ArrayList<>(tenants.values())));
        }
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        respond(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Header names in lower case, as HTTP treats them, with every value received. */
    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((header, values) -> headers.computeIfAbsent(
                                header.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                        .addAll(values));
        return headers;
    }

    /** What the echoing upstream answered. */
    record Echo(String upstream, String path, Map<String, List<String>> headers) {

        List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    static URI unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
