package eu.selfdata.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What a service receives for forwarding headers, from a client and from a trusted load balancer. */
class ForwardingHeadersTest {

    private static final String LOAD_BALANCER = "10.0.0.5";
    private final TrustedProxies trustedProxies =
            new TrustedProxies(new GatewaySecurityProperties("0123456789abcdef", "10\\.0\\.0\\.\\d+"));

    @Test
    void clientForwardingHeadersAreReplacedByTheRealConnection() {
        HttpHeaders sent = proxiedHeaders(request("203.0.113.7")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "lyon.localhost")
                .header("X-Forwarded-Port", "443"));

        assertThat(sent.get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(sent.get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(sent.get("X-Forwarded-Host")).containsExactly("larochelle.localhost");
        assertThat(sent.containsHeader("X-Forwarded-Port")).isFalse();
    }

    @Test
    void trustedLoadBalancerForwardingHeadersAreKeptAndTheChainExtended() {
        HttpHeaders sent = proxiedHeaders(request(LOAD_BALANCER)
                .header("X-Forwarded-For", "198.51.100.20")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "larochelle.example.eu"));

        assertThat(sent.get("X-Forwarded-For")).containsExactly("198.51.100.20, " + LOAD_BALANCER);
        assertThat(sent.get("X-Forwarded-Proto")).containsExactly("https");
        assertThat(sent.get("X-Forwarded-Host")).containsExactly("larochelle.example.eu");
    }

    @Test
    void tenantGatewayAndRealIpHeadersAreRemovedEvenFromATrustedLoadBalancer() {
        HttpHeaders cleaned = cleanedRequest(request(LOAD_BALANCER)
                        .header("X-Tenant-Id", "lyon")
                        .header("X-TENANT-SIGNATURE", "1.forged")
                        .header("X-Gateway-Secret", "x")
                        .header("X-Real-IP", "6.6.6.6")
                        .header("Forwarded", "for=6.6.6.6"))
                .getRequest()
                .getHeaders();

        assertThat(cleaned.headerNames()).containsExactly(HttpHeaders.HOST);
    }

    private MockServerHttpRequest.BaseBuilder<?> request(String remoteAddress) {
        return MockServerHttpRequest.get("http://larochelle.localhost/")
                .header(HttpHeaders.HOST, "larochelle.localhost")
                .remoteAddress(new InetSocketAddress(remoteAddress, 40000));
    }

    private HttpHeaders proxiedHeaders(MockServerHttpRequest.BaseBuilder<?> request) {
        ServerWebExchange cleaned = cleanedRequest(request);
        // what Spring Cloud Gateway hands the last header filter: X-Forwarded-* already removed
        HttpHeaders input = new HttpHeaders();
        input.set(HttpHeaders.HOST, "larochelle.localhost");
        return new ForwardedHeadersWriter().filter(input, cleaned);
    }

    private ServerWebExchange cleanedRequest(MockServerHttpRequest.BaseBuilder<?> request) {
        AtomicReference<ServerWebExchange> passedOn = new AtomicReference<>();
        new HeaderHygieneFilter(trustedProxies)
                .filter(MockServerWebExchange.from(request), exchange -> {
                    passedOn.set(exchange);
                    return Mono.empty();
                })
                .block();
        return passedOn.get();
    }
}
