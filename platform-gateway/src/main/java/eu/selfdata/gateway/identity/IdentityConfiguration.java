package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.security.PublicOrigins;
import eu.selfdata.identity.CityClaims;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Identity at the gateway: browser sign-in per host (authorization code + PKCE, tokens kept in the
 * WebSession and relayed to the services), bearer tokens validated against the realm's cached keys,
 * and the few rules the gateway itself enforces ({@link AccessRules}).
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final String LOGOUT_PATH = "/logout";
    private static final String OAUTH2_PATHS = "/oauth2/";

    /**
     * Requests that cannot belong to a browser session (no session cookie, and not a step of signing
     * in or out): bearer and anonymous calls, most of the traffic. Same checks and refusals as
     * {@link #identityFilterChain}, without the session, sign-in and sign-out machinery they never use.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain statelessFilterChain(ServerHttpSecurity http, BearerAuthentications bearerCallers) {
        return checks(
                        http.securityMatcher(IdentityConfiguration::withoutSession),
                        bearerCallers,
                        new WebSessionServerRequestCache())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // nothing to find without a session; the entry point above still saves a browser's page before sign-in
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain identityFilterChain(
            ServerHttpSecurity http,
            LoginRegistrations registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients,
            BearerAuthentications bearerCallers,
            IdentityProviderProbe probe,
            PublicOrigins origins,
            IdentityProperties properties) {
        HostBoundSecurityContextRepository sessions = new HostBoundSecurityContextRepository();
        ServerRequestCache requestCache = new WebSessionServerRequestCache();
        KeycloakLogout logout = new KeycloakLogout(properties, origins);
        return checks(http, bearerCallers, requestCache)
                .securityContextRepository(sessions)
                .requestCache(cache -> cache.requestCache(requestCache))
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationRequestResolver(new LoginRequestResolver(registrations, probe, origins))
                        .securityContextRepository(sessions)
                        .authenticationFailureHandler(SecurityProblems.loginFailure()))
                .logout(out -> out.requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, LOGOUT_PATH))
                        .logoutHandler(logout)
                        .logoutSuccessHandler(logout))
                .build();
    }

    /** Bearer tokens checked, Spring Security's refusals as the gateway's problems, {@link AccessRules}. */
    private static ServerHttpSecurity checks(
            ServerHttpSecurity http, BearerAuthentications bearerCallers, ServerRequestCache requestCache) {
        return http
                // SameOriginFilter guards sessions without reading bodies; SecurityHeadersFilter owns the headers
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SecurityProblems.entryPoint(requestCache))
                        .accessDeniedHandler(SecurityProblems.accessDenied()))
                .oauth2ResourceServer(bearer -> bearer.bearerTokenConverter(new BearerTokenReader())
                        .jwt(jwt -> jwt.authenticationManager(bearerCallers))
                        .authenticationEntryPoint(SecurityProblems.entryPoint(requestCache))
                        .authenticationFailureHandler(SecurityProblems.bearerFailure())
                        .accessDeniedHandler(SecurityProblems.accessDenied()))
                .authorizeExchange(rules -> rules.anyExchange().access(new AccessRules()));
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> withoutSession(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean signingInOrOut = path.startsWith(HostBoundLoginFilter.LOGIN_PATH)
                || path.startsWith(LOGOUT_PATH)
                || path.startsWith(OAUTH2_PATHS);
        return signingInOrOut || SessionCookie.isPresent(exchange.getRequest())
                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                : ServerWebExchangeMatcher.MatchResult.match();
    }

    /**
     * No observation per security filter (two for each of a dozen filters, on every request: over a
     * tenth of the gateway's CPU); every request is still observed as a whole ({@code
     * http.server.requests}, tagged with its city).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Bearer access tokens with the checks of {@link #accessTokenDecoder}, remembered until they expire. */
    @Bean
    BearerAuthentications bearerAuthentications(ReactiveJwtDecoder accessTokens, IdentityProperties properties) {
        ReactiveJwtAuthenticationConverter caller = new ReactiveJwtAuthenticationConverter();
        caller.setJwtGrantedAuthoritiesConverter(
                jwt -> Flux.fromIterable(Caller.authorities(CityClaims.of(jwt.getClaims()))));
        JwtReactiveAuthenticationManager checks = new JwtReactiveAuthenticationManager(accessTokens);
        checks.setJwtAuthenticationConverter(caller);
        return new BearerAuthentications(
                checks, properties.clockSkew(), properties.acceptedTokens(), Clock.systemUTC());
    }

    /**
     * Access tokens from the realm: RS256 with a key from its JWKS (fetched on first use, then cached,
     * so tokens already issued keep working while Keycloak is down), issuer, {@code exp}/{@code nbf}
     * with {@code selfdata.identity.clock-skew}, and the {@code selfdata-api} audience.
     */
    @Bean
    ReactiveJwtDecoder accessTokenDecoder(IdentityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.endpoint("certs"))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(identityWebClient())
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience())));
        // keys that cannot be fetched are Keycloak's outage, not the token's fault (503, not 401)
        return token -> decoder.decode(token)
                .onErrorMap(
                        IllegalStateException.class,
                        error -> new JwtException("The identity service's keys cannot be fetched", error));
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> sessionUserService(ReactiveJwtDecoder accessTokenDecoder) {
        return new SessionUserService(accessTokenDecoder);
    }

    /** Tokens live in the session: they go when it is invalidated or expires, and never reach the browser. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenClient() {
        WebClientReactiveAuthorizationCodeTokenResponseClient client =
                new WebClientReactiveAuthorizationCodeTokenResponseClient();
        client.setWebClient(identityWebClient());
        return client;
    }

    /** What {@code TokenRelay} asks for the session's access token; refreshes it when expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
            LoginRegistrations registrations, ServerOAuth2AuthorizedClientRepository authorizedClients) {
        WebClientReactiveRefreshTokenTokenResponseClient refresh =
                new WebClientReactiveRefreshTokenTokenResponseClient();
        refresh.setWebClient(identityWebClient());
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(configurer -> configurer.accessTokenResponseClient(refresh))
                .build());
        return new SessionTokens(manager);
    }

    /** Short timeouts: a Keycloak that hangs must not hold requests longer than one that is down. */
    private static WebClient identityWebClient() {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(Duration.ofSeconds(5));
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
    }
}
