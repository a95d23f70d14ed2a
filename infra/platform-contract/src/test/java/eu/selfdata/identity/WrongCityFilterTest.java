package eu.selfdata.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.contract.problem.ProblemResponses;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WrongCityFilterTest {

    private static final String HOST_CITY = "host-city";
    private final JsonMapper json = JsonMapper.builder().build();
    private final WrongCityFilter filter = new WrongCityFilter(
            request -> Optional.ofNullable((String) request.getAttribute(HOST_CITY)), new ProblemResponses(json));

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLaRochelleTokenIsRefusedOnLyonsHost() throws Exception {
        signedInAs("larochelle");

        MockHttpServletResponse response = filter("lyon");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("type").asString()).isEqualTo("https://selfdata.eu/problems/wrong-city");
        assertThat(problem.path("detail").asString()).isEqualTo("This identity does not belong to lyon");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/me");
    }

    @Test
    void aTokenPassesOnItsOwnCitysHostAndOnThePlatformHost() throws Exception {
        signedInAs("larochelle");

        assertThat(filter("larochelle").getStatus()).isEqualTo(200);
        assertThat(filter(null).getStatus()).isEqualTo(200);
    }

    @Test
    void anonymousRequestsAreLeftToTheEndpoints() throws Exception {
        assertThat(filter("lyon").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse filter(String hostCity) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.setAttribute(HOST_CITY, hostCity);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest() != null).isEqualTo(response.getStatus() == 200);
        return response;
    }

    private static void signedInAs(String city) {
        Jwt jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("camille")
                .claim("organization", List.of(city))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
    }
}
