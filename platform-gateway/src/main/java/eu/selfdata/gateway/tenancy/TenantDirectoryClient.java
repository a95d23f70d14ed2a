package eu.selfdata.gateway.tenancy;

import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.contract.PlatformHeaders;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Fetches the tenant directory from tenant-service, conditionally on the ETag already held. */
@Component
class TenantDirectoryClient {

    private static final String PATH = "/internal/tenant-directory";

    private final WebClient webClient;
    private final GatewaySignature signer;

    TenantDirectoryClient(TenancyProperties properties, GatewaySignature signer) {
        // short timeouts: a slow tenant-service must not hold requests that wait for a miss refresh
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(Duration.ofSeconds(3));
        this.webClient = WebClient.builder()
                .baseUrl(properties.routes().tenantServiceUri().toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
        this.signer = signer;
    }

    /** The new directory, or empty when tenant-service answers 304 for {@code etag}. */
    Mono<DirectorySnapshot> fetch(String etag) {
        return webClient
                .get()
                .uri(PATH)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    // the directory is platform data: signed for the empty tenant
                    headers.set(PlatformHeaders.TENANT_SIGNATURE, signer.sign(""));
                    if (etag != null) {
                        headers.set(HttpHeaders.IF_NONE_MATCH, etag);
                    }
                })
                .exchangeToMono(response -> {
                    if (response.statusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED)) {
                        return response.releaseBody().then(Mono.empty());
                    }
                    if (response.statusCode().is2xxSuccessful()) {
                        String newEtag = response.headers().asHttpHeaders().getETag();
                        return response.bodyToMono(DirectorySnapshot.Body.class)
                                .map(body -> DirectorySnapshot.of(body, newEtag));
                    }
                    return response.createError();
                });
    }
}
