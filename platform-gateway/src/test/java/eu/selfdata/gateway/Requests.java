package eu.selfdata.gateway;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Request helpers shared by the gateway tests. */
final class Requests {

    private Requests() {}

    /** {@code GET path} addressed to {@code host}, with {@code Authorization: Bearer token} unless null. */
    static WebTestClient.ResponseSpec get(WebTestClient client, String host, String path, String token) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.HOST, host)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .exchange();
    }

    /** Sends with the JDK client, failing the test on I/O errors. */
    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
