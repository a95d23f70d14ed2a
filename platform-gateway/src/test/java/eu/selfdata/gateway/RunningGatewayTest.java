package eu.selfdata.gateway;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client bound to the gateway a {@code RANDOM_PORT} test started. Tests read every response body,
 * so that each connection goes back to the client's pool.
 */
abstract class RunningGatewayTest {

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void bindToRunningGateway() {
        // The 5 s default is too short for a first request on a busy 2-core CI machine (JIT, JWKS fetch).
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Asserts an RFC 9457 problem with every member the gateway promises. */
    void expectProblem(String host, String path, int status, String type) {
        client.get()
                .uri(path)
                .header(HttpHeaders.HOST, host)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://selfdata.eu/problems/" + type)
                .jsonPath("$.title")
                .isNotEmpty()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.detail")
                .isNotEmpty()
                .jsonPath("$.instance")
                .isEqualTo(path);
    }
}
