package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as the chart runs it: the actuator on its own port (MANAGEMENT_SERVER_PORT), which no
 * Service exposes. Through the public port, which the Ingress reaches, no actuator endpoint answers on
 * any host, health included; the probes and the metrics are on the management port.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "selfdata.gateway.secret=" + Signatures.SECRET,
            "management.server.port=0",
            "management.endpoint.health.probes.enabled=true"
        })
class ManagementPortTest extends RunningGatewayTest {

    @AutoClose
    static final TestBackends backends = TestBackends.start().withTenant("lyon", "ACTIVE");

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        backends.register(registry);
    }

    @Test
    void noActuatorEndpointAnswersOnThePublicPortOnAnyHost() {
        for (String host : new String[] {"localhost", "lyon.localhost", "atlantis.localhost"}) {
            for (String path : new String[] {
                "/actuator", "/actuator/health", "/actuator/health/liveness", "/actuator/prometheus", "/actuator/info"
            }) {
                client.get()
                        .uri(path)
                        .header(HttpHeaders.HOST, host)
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody()
                        .consumeWith(body -> assertThat(new String(
                                        body.getResponseBodyContent() == null
                                                ? new byte[0]
                                                : body.getResponseBodyContent()))
                                .as(host + path)
                                .doesNotContain("http_server_requests")
                                .doesNotContain("\"UP\""));
            }
        }
    }

    @Test
    void probesAndMetricsAnswerOnTheManagementPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30))
                .build();

        management
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
