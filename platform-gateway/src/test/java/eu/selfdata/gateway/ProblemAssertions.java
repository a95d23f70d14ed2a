package eu.selfdata.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Asserts an RFC 9457 problem with every member the gateway promises. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    static void expectProblem(WebTestClient client, String host, String path, int status, String type) {
        client.get().uri(path)
                .header(HttpHeaders.HOST, host)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://selfdata.eu/problems/" + type)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isEqualTo(path);
    }
}
