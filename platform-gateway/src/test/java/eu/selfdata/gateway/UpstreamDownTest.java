package eu.selfdata.gateway;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Nothing listens behind the gateway: every answer is a 503 problem, never a stack trace. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "selfdata.gateway.secret=" + Signatures.SECRET)
class UpstreamDownTest extends RunningGatewayTest {

    @AutoClose
    static final FakeIssuer keycloak = FakeIssuer.start();

    @DynamicPropertySource
    static void deadUpstreams(DynamicPropertyRegistry registry) {
        registry.add(
                "selfdata.routes.tenant-service-uri",
                () -> FakeUpstream.unusedPort().toString());
        registry.add(
                "selfdata.routes.governance-uri",
                () -> FakeUpstream.unusedPort().toString());
        registry.add("selfdata.identity.issuer-uri", keycloak::issuer);
    }

    @Test
    void unreachableServiceAnswers503ServiceUnavailableProblem() {
        String coordinator = keycloak.token(List.of(), List.of("platform-coordinator"));
        client.get()
                .uri("/platform/tenants")
                .header(HttpHeaders.HOST, "localhost")
                .headers(headers -> headers.setBearerAuth(coordinator))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://selfdata.eu/problems/service-unavailable");
        expectProblem("localhost", "/governance/votes", 503, "service-unavailable");
    }

    @Test
    void cityHostBeforeAnyDirectoryLoadAnswers503Problem() {
        expectProblem("larochelle.localhost", "/", 503, "service-unavailable");
    }
}
