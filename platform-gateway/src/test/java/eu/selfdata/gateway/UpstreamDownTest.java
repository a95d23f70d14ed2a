package eu.selfdata.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Nothing listens behind the gateway: every answer is a 503 problem, never a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "selfdata.gateway.secret=" + Signatures.SECRET)
class UpstreamDownTest extends RunningGatewayTest {

    @DynamicPropertySource
    static void deadUpstreams(DynamicPropertyRegistry registry) {
        registry.add("selfdata.routes.tenant-service-uri", () -> FakeUpstream.unusedPort().toString());
        registry.add("selfdata.routes.governance-uri", () -> FakeUpstream.unusedPort().toString());
    }

    @Test
    void unreachableServiceAnswers503ServiceUnavailableProblem() {
        expectProblem("localhost", "/platform/tenants", 503, "service-unavailable");
        expectProblem("localhost", "/governance/votes", 503, "service-unavailable");
    }

    @Test
    void cityHostBeforeAnyDirectoryLoadAnswers503Problem() {
        expectProblem("larochelle.localhost", "/", 503, "service-unavailable");
    }
}
