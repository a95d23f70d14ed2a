package eu.selfdata.tenant.modules.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.contract.PlatformHeaders;
import eu.selfdata.tenant.support.SelfDataTest;
import eu.selfdata.tenant.support.ServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Cities with the mobility-carbon module, uploads of raw trace bodies, counts straight from the city schema. */
abstract class MobilityTest extends SelfDataTest {

    static final String MODULE = "mobility-carbon";
    static final String PURPOSE = "mobility-city-planning";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    String mobilityCity(String prefix, String name) {
        return onboard(freshSlug(prefix), name, List.of(MODULE));
    }

    /** POSTs a trace body with its media type on the city's host, as the gateway would forward it. */
    ServiceClient.Response upload(String token, String city, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/mobility-carbon/traces"))
                .header(PlatformHeaders.TENANT_ID, city)
                .header(PlatformHeaders.TENANT_SIGNATURE, signature.sign(city))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(body)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new ServiceClient.Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ServiceClient.Response upload(String token, String city, String contentType, String body) {
        return upload(token, city, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    ServiceClient.Response uploaded(String token, String city, Traces trace) {
        ServiceClient.Response response = upload(token, city, "application/gpx+xml", trace.gpx());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    long rows(String city, String table) {
        return database()
                .sql("select count(*) from " + schema(city) + "." + table)
                .query(Long.class)
                .single();
    }
}
