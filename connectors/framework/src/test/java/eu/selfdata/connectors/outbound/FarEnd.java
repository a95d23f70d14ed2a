package eu.selfdata.connectors.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** The far end of outbound tests: a JDK HTTP server on 127.0.0.1 that records what it was asked. */
final class FarEnd implements AutoCloseable {

    final HttpServer server;
    final List<HttpExchange> requests = new CopyOnWriteArrayList<>();
    /** Body bytes the handlers managed to write (a capped client stops reading, so writing stalls). */
    final AtomicLong bytesWritten = new AtomicLong();

    FarEnd() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    FarEnd on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.add(exchange);
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // the client hung up: what a capped or timed-out client does
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** Writes {@code total} bytes in 64 KiB writes, counting those that got out. */
    void stream(HttpExchange exchange, long total, boolean announceLength) throws IOException {
        exchange.sendResponseHeaders(200, announceLength ? total : 0);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
                bytesWritten.addAndGet(chunk.length);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
