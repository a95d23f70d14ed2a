package eu.selfdata.tenant.backup;

import eu.selfdata.contract.PlatformHeaders;
import eu.selfdata.tenant.support.ServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

/** The coordinator's binary exchanges with the backup API: archives down and up, as the gateway forwards them. */
public final class BackupClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Function<String, String> signature;
    private final String token;

    /** @param signature the gateway's signature of a city slug ("" for the platform host) */
    public BackupClient(int port, Function<String, String> signature, String token) {
        this.baseUrl = "http://localhost:" + port;
        this.signature = signature;
        this.token = token;
    }

    public HttpResponse<byte[]> download(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public ServiceClient.Response restore(String city, byte[] archive) {
        HttpResponse<String> response = send(
                request("/platform/tenants/" + city + "/restore")
                        .header("Content-Type", "application/octet-stream")
                        .header("Accept", "application/json, application/problem+json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(archive))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new ServiceClient.Response(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header(PlatformHeaders.TENANT_SIGNATURE, signature.apply(""))
                .header("Authorization", "Bearer " + token);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
