package eu.selfdata.governance.access;

import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.contract.problem.ProblemResponses;
import eu.selfdata.governance.problem.ProblemType;
import eu.selfdata.identity.WrongCityFilter;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * governance as a resource server, like tenant-service: every bearer token is validated here
 * (issuer, signature, expiry, audience {@code selfdata-api}). Reading what the consortium publishes
 * (pilots, charter, questionnaire) needs no token; everything else does, and each feature then
 * checks the caller's capacity ({@link Caller}) against the object at hand.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                problems.write(request, response, ProblemType.UNAUTHENTICATED, "A valid access token is required");
        AccessDeniedHandler forbidden = (request, response, e) ->
                problems.write(request, response, ProblemType.FORBIDDEN, "Your roles do not allow this here");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**", "/v3/api-docs/**", "/error")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/governance/pilots",
                                "/governance/pilots/*",
                                "/governance/charter",
                                "/governance/charter/versions",
                                "/governance/charter/versions/*",
                                "/governance/readiness/questionnaire",
                                "/governance/motions")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {})
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .addFilterAfter(new WrongCityFilter(HostCity::of, problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** Verifies the gateway's signature ({@link GatewayOnlyFilter}) and signs governance's calls to tenant-service. */
    @Bean
    GatewaySignature gatewaySignature(@Value("${selfdata.gateway.secret:}") String secret, Clock clock) {
        return new GatewaySignature(secret, clock);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }
}
