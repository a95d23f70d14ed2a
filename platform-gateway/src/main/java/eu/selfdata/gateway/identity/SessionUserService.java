package eu.selfdata.gateway.identity;

import eu.selfdata.identity.CityClaims;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The user of a browser session, judged by the access token the gateway will relay: it must pass
 * the same checks as a bearer token (signature, issuer, expiry, {@code selfdata-api} audience), and a
 * session on a city's host is opened only for a member of that city. Its authorities come from that
 * token ({@link Caller}), because Keycloak puts roles in the access token, not in the ID token.
 */
class SessionUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    static final String WRONG_CITY = "wrong_city";

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
    private final ReactiveJwtDecoder accessTokens;

    SessionUserService(ReactiveJwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        String registrationId = request.getClientRegistration().getRegistrationId();
        return delegate.loadUser(request)
                .zipWith(accessTokens
                        .decode(request.getAccessToken().getTokenValue())
                        .onErrorMap(
                                JwtException.class,
                                error -> new OAuth2AuthenticationException(
                                        new OAuth2Error(
                                                OAuth2ErrorCodes.INVALID_TOKEN,
                                                "access token refused: " + error.getMessage(),
                                                null),
                                        error)))
                .map(userAndToken -> {
                    CityClaims claims = CityClaims.of(userAndToken.getT2().getClaims());
                    if (!LoginRegistrations.PLATFORM.equals(registrationId) && !claims.belongsTo(registrationId)) {
                        throw new OAuth2AuthenticationException(new OAuth2Error(
                                WRONG_CITY, "not a member of the organization " + registrationId, null));
                    }
                    OidcUser user = userAndToken.getT1();
                    List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
                    authorities.addAll(Caller.authorities(claims));
                    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
                });
    }
}
