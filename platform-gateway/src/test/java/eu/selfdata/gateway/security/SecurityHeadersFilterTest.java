package eu.selfdata.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class SecurityHeadersFilterTest {

    private final SecurityHeadersFilter filter = new SecurityHeadersFilter(new PublicOrigins(
            new TrustedProxies(new GatewaySecurityProperties("0123456789abcdef", "10\\.0\\.0\\.\\d+"))));

    @Test
    void hstsIsSentOverTls() {
        assertThat(responseHeaders(request("203.0.113.7").sslInfo(new Tls())).getFirst("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void hstsIsSentWhenATrustedLoadBalancerTerminatedTls() {
        assertThat(responseHeaders(request("10.0.0.5").header("X-Forwarded-Proto", "https"))
                        .containsHeader("Strict-Transport-Security"))
                .isTrue();
    }

    @Test
    void hstsIsNeverSentOverPlainHttpWhateverTheClientClaims() {
        HttpHeaders headers = responseHeaders(request("203.0.113.7").header("X-Forwarded-Proto", "https"));

        assertThat(headers.containsHeader("Strict-Transport-Security")).isFalse();
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    private static MockServerHttpRequest.BaseBuilder<?> request(String remoteAddress) {
        return MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(remoteAddress, 40000));
    }

    private HttpHeaders responseHeaders(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, passedOn -> passedOn.getResponse().setComplete())
                .block();
        return exchange.getResponse().getHeaders();
    }

    private static final class Tls implements SslInfo {
        @Override
        public String getSessionId() {
            return "session";
        }

        @Override
        public X509Certificate[] getPeerCertificates() {
            return new X509Certificate[0];
        }
    }
}
