package eu.selfdata.tenant.access;

import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.contract.problem.ProblemResponses;
import eu.selfdata.identity.WrongCityFilter;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.usecase.api.CityStaff;
import java.time.Clock;
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

/**
 * tenant-service as a resource server: it validates every bearer token itself (issuer, signature
 * through cached JWKS, expiry, audience {@code selfdata-api}) even behind the gateway, then decides
 * per endpoint. Stateless: browser sessions live in the gateway, which relays tokens.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String COORDINATOR = "platform-coordinator";
    static final String CITY_ADMIN = CityStaff.ADMIN;
    static final String CITY_AGENT = CityStaff.AGENT;

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, CityAuthorities cityAuthorities) {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                problems.write(request, response, ProblemType.UNAUTHENTICATED, "A valid access token is required");
        AccessDeniedHandler forbidden = (request, response, e) ->
                problems.write(request, response, ProblemType.FORBIDDEN, "Your roles do not allow this here");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/**",
                                "/internal/**",
                                "/v3/api-docs/**",
                                "/",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/charter",
                                "/branding/logo",
                                "/error")
                        .permitAll()
                        .requestMatchers("/platform/**")
                        .hasRole(COORDINATOR)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/announcements",
                                "/api/announcements/*",
                                "/api/consent-receipt-keys")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/announcements")
                        .hasRole(CITY_ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/city/privacy", "/api/city/retention/*")
                        .hasRole(CITY_ADMIN)
                        .requestMatchers("/api/city/**")
                        .hasAnyRole(CITY_ADMIN, CITY_AGENT)
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole(CITY_ADMIN)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(cityAuthorities))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .addFilterAfter(
                        new WrongCityFilter(request -> TenantContext.current().map(TenantId::slug), problems),
                        BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** Verifies that a request and its city came through the gateway ({@link TenantRequestFilter}). */
    @Bean
    GatewaySignature gatewaySignature(@Value("${selfdata.gateway.secret:}") String secret, Clock clock) {
        return new GatewaySignature(secret, clock);
    }
}
