package eu.selfdata.gateway.identity;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.gateway.tenancy.ServedHost;
import eu.selfdata.identity.CityClaims;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The OIDC client each host signs in with, built on demand from the issuer with no per-city
 * configuration: registration {@code {slug}} is the public client {@code portal-{slug}} of that city,
 * registration {@code platform} (a slug tenant-service reserves) is the coordinator's client on the
 * platform host. Both are public clients with PKCE; nothing is fetched from Keycloak to build them.
 */
@Component
class LoginRegistrations implements ReactiveClientRegistrationRepository {

    static final String PLATFORM = CitySlug.PLATFORM;

    private final IdentityProperties properties;

    LoginRegistrations(IdentityProperties properties) {
        this.properties = properties;
    }

    /** The one registration a host may sign in with: its city's slug, or {@code platform}. */
    static Optional<String> registrationIdOf(ServerWebExchange exchange) {
        return ServedHost.of(exchange).map(served -> switch (served) {
            case ServedHost.City city -> city.slug();
            case ServedHost.Platform platform -> PLATFORM;
        });
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        if (PLATFORM.equals(registrationId)) {
            return Mono.just(build(PLATFORM, properties.platformClientId(), "Self Data platform"));
        }
        if (CitySlug.isValid(registrationId)) {
            return Mono.just(build(registrationId, CityClaims.PORTAL_CLIENT_PREFIX + registrationId, registrationId));
        }
        return Mono.empty();
    }

    private ClientRegistration build(String registrationId, String clientId, String name) {
        return ClientRegistration.withRegistrationId(registrationId)
                .clientId(clientId)
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // replaced per request by LoginRequestResolver with the origin the browser sees
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                // the portal clients add organization, roles and the selfdata-api audience as default scopes
                .scope(OidcScopes.OPENID)
                .issuerUri(properties.issuer())
                .authorizationUri(properties.endpoint("auth"))
                .tokenUri(properties.endpoint("token"))
                .jwkSetUri(properties.endpoint("certs"))
                .userInfoUri(properties.endpoint("userinfo"))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", properties.endpoint("logout")))
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
    }
}
