package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.security.PublicOrigins;
import eu.selfdata.identity.CityClaims;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
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
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * Identity at the gateway: browser sign-in per host (authorization code + PKCE, tokens kept in the
 * WebSession and relayed to the services), bearer tokens validated against the realm's cached keys,
 * and the few rules the gateway itself enforces ({@link AccessRules}).
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    SecurityWebFilterChain identityFilterChain(ServerHttpSecurity http, LoginRegistrations registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, ReactiveJwtDecoder accessTokens,
            IdentityProviderProbe probe, PublicOrigins origins, IdentityProperties properties) {
        HostBoundSecurityContextRepository sessions = new HostBoundSecurityContextRepository();
        ServerRequestCache requestCache = new WebSessionServerRequestCache();
        KeycloakLogout logout = new KeycloakLogout(properties, origins);
        ReactiveJwtAuthenticationConverter bearerCaller = new ReactiveJwtAuthenticationConverter();
        bearerCaller.setJwtGrantedAuthoritiesConverter(jwt -> Flux.fromIterable(Caller.authorities(CityClaims.of(jwt.getClaims()))));
        return http
                .securityContextRepository(sessions)
                .requestCache(cache -> cache.requestCache(requestCache))
                // SameOriginFilter guards sessions without reading bodies; SecurityHeadersFilter owns the headers
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SecurityProblems.entryPoint(requestCache))
                        .accessDeniedHandler(SecurityProblems.accessDenied()))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationRequestResolver(new LoginRequestResolver(registrations, probe, origins))
                        .securityContextRepository(sessions)
                        .authenticationFailureHandler(SecurityProblems.loginFailure()))
                .oauth2ResourceServer(bearer -> bearer
                        .jwt(jwt -> jwt.jwtDecoder(accessTokens).jwtAuthenticationConverter(bearerCaller))
                        .authenticationEntryPoint(SecurityProblems.entryPoint(requestCache))
                        .authenticationFailureHandler(SecurityProblems.bearerFailure())
                        .accessDeniedHandler(SecurityProblems.accessDenied()))
                .logout(out -> out
                        .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/logout"))
                        .logoutHandler(logout)
                        .logoutSuccessHandler(logout))
                .authorizeExchange(rules -> rules.anyExchange().access(new AccessRules()))
                .build();
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
        return token -> decoder.decode(token).onErrorMap(IllegalStateException.class,
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
        WebClientReactiveAuthorizationCodeTokenResponseClient client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
        client.setWebClient(identityWebClient());
        return client;
    }

    /** What {@code TokenRelay} asks for the session's access token; refreshes it when expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(LoginRegistrations registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        WebClientReactiveRefreshTokenTokenResponseClient refresh = new WebClientReactiveRefreshTokenTokenResponseClient();
        refresh.setWebClient(identityWebClient());
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
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
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
    }
}
