package eu.selfdata.governance.tenantservice;

import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.contract.PlatformHeaders;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * governance's calls to tenant-service's coordinator API, made as the gateway would (signed for the
 * platform host) with governance's service-account token.
 */
@Component
public class TenantServiceClient {

    private final RestClient http;
    private final TenantServiceProperties properties;
    private final GatewaySignature signature;
    private final ServiceAccountToken token;

    TenantServiceClient(TenantServiceProperties properties, GatewaySignature signature, Clock clock) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        this.properties = properties;
        this.signature = signature;
        this.token = new ServiceAccountToken(http, properties, clock);
    }

    public List<CityRecord> cities() {
        return call(
                "list cities",
                () -> http.get()
                        .uri(properties.url() + "/platform/tenants")
                        .headers(this::platform)
                        .retrieve()
                        .body(new ParameterizedTypeReference<List<CityRecord>>() {}));
    }

    public CityRecord city(String slug) {
        return call(
                        "read city " + slug,
                        () -> http.get()
                                .uri(properties.url() + "/platform/tenants/{slug}", slug)
                                .headers(this::platform)
                                .retrieve()
                                .body(CityView.class))
                .tenant();
    }

    private record CityView(CityRecord tenant) {}

    /** Has tenant-service mail the panel members (identity subjects) that their pilot stopped, each in their language. */
    public void noticePilotStopped(String slug, List<String> subjects, String title, String module) {
        call(
                "tell the panel of a pilot in " + slug + " it stopped",
                () -> http.post()
                        .uri(properties.url() + "/platform/tenants/{slug}/notices/pilot-stopped", slug)
                        .headers(this::platform)
                        .body(Map.of("subjects", subjects, "title", title, "module", module))
                        .retrieve()
                        .toBodilessEntity());
    }

    public void enableModule(String slug, String module) {
        call(
                "enable " + module + " for " + slug,
                () -> http.put()
                        .uri(properties.url() + "/platform/tenants/{slug}/modules/{module}", slug, module)
                        .headers(this::platform)
                        .retrieve()
                        .toBodilessEntity());
    }

    public void disableModule(String slug, String module) {
        call(
                "disable " + module + " for " + slug,
                () -> http.delete()
                        .uri(properties.url() + "/platform/tenants/{slug}/modules/{module}", slug, module)
                        .headers(this::platform)
                        .retrieve()
                        .toBodilessEntity());
    }

    public List<CityUsage> usage(LocalDate from, LocalDate to) {
        JsonNode report = call(
                "read usage",
                () -> http.get()
                        .uri(properties.url() + "/platform/usage?from={from}&to={to}", from, to)
                        .headers(this::platform)
                        .retrieve()
                        .body(JsonNode.class));
        return report.path("cities")
                .valueStream()
                .map(city -> new CityUsage(
                        city.path("slug").asString(),
                        city.path("activeCitizens").asLong(),
                        city.path("storedBytes").asLong(),
                        city.path("apiCalls").asLong()))
                .toList();
    }

    /** Tells tenant-service which charter version the city signed, so consent receipts reference it. */
    public void recordCharter(String slug, String version) {
        call(
                "record charter " + version + " for " + slug,
                () -> http.put()
                        .uri(properties.charterUrl(), Map.of("slug", slug))
                        .headers(this::platform)
                        .body(Map.of("version", version))
                        .retrieve()
                        .toBodilessEntity());
    }

    private void platform(HttpHeaders headers) {
        headers.set(PlatformHeaders.TENANT_SIGNATURE, signature.sign(""));
        headers.setBearerAuth(token.value());
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientException e) {
            throw new TenantServiceUnavailableException("tenant-service could not " + what + ": " + e.getMessage(), e);
        }
    }
}
