package eu.selfdata.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Nothing listens behind the gateway: every answer is a 503 problem, never a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "selfdata.gateway.secret=" + Signatures.SECRET)
class UpstreamDownTest {

    @DynamicPropertySource
    static void deadUpstreams(DynamicPropertyRegistry registry) {
        registry.add("selfdata.routes.tenant-service-uri", () -> FakeUpstream.unusedPort().toString());
        registry.add("selfdata.routes.governance-uri", () -> FakeUpstream.unusedPort().toString());
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void bindToRunningGateway() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void unreachableServiceAnswers503ServiceUnavailableProblem() {
        ProblemAssertions.expectProblem(client, "localhost", "/platform/tenants", 503, "service-unavailable");
        ProblemAssertions.expectProblem(client, "localhost", "/governance/votes", 503, "service-unavailable");
    }

    @Test
    void cityHostBeforeAnyDirectoryLoadAnswers503Problem() {
        ProblemAssertions.expectProblem(client, "larochelle.localhost", "/", 503, "service-unavailable");
    }
}
