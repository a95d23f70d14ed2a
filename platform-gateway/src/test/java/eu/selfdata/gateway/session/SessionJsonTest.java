package eu.selfdata.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * What a signed-in browser's session holds goes to Redis as JSON and comes back equal; an entry
 * naming a class outside Spring Security's allow-list is refused instead of instantiated.
 */
class SessionJsonTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final RedisSerializer<Object> json =
            SessionJson.serializer(getClass().getClassLoader());

    @Test
    void theSecurityContextOfASignedInCitizenComesBackEqual() throws Exception {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
                // as Spring's OIDC decoder leaves it
                .claim(
                        "iss",
                        URI.create("http://localhost:8180/realms/selfdata").toURL())
                .subject("5f0c4a3e-citizen")
                .audience(List.of("portal-larochelle"))
                .issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(300))
                .claim("email", "citizen@larochelle.example")
                .claim("organization", List.of("larochelle"))
                .build();
        List<GrantedAuthority> authorities =
                List.of(new OidcUserAuthority(idToken), new SimpleGrantedAuthority("CITY_larochelle"));
        OAuth2AuthenticationToken signedIn =
                new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, idToken), authorities, "larochelle");
        SecurityContext context = new SecurityContextImpl(signedIn);

        byte[] stored = json.serialize(context);
        SecurityContext read = (SecurityContext) json.deserialize(stored);

        assertThat(new String(stored, StandardCharsets.UTF_8)).startsWith("{").doesNotContain("\"password\"");
        assertThat(read).isEqualTo(context);
        OAuth2AuthenticationToken session = (OAuth2AuthenticationToken) read.getAuthentication();
        // the host binding reads this: a session answers only on the city it signed in with
        assertThat(session.getAuthorizedClientRegistrationId()).isEqualTo("larochelle");
        assertThat(session.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("CITY_larochelle");
        assertThat(((DefaultOidcUser) session.getPrincipal()).getIdToken().getExpiresAt())
                .isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void theAuthorizedClientsTheTokenRelayReadsComeBackWithTheirTokens() {
        ClientRegistration registration = ClientRegistration.withRegistrationId("larochelle")
                .clientId("portal-larochelle")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .authorizationUri("http://localhost:8180/realms/selfdata/protocol/openid-connect/auth")
                .tokenUri("http://localhost:8180/realms/selfdata/protocol/openid-connect/token")
                .jwkSetUri("http://localhost:8180/realms/selfdata/protocol/openid-connect/certs")
                .userNameAttributeName("sub")
                .build();
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(
                registration,
                "5f0c4a3e-citizen",
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        "access-token",
                        NOW,
                        NOW.plusSeconds(300),
                        Set.of("openid")),
                new OAuth2RefreshToken("refresh-token", NOW));
        // as WebSessionServerOAuth2AuthorizedClientRepository keeps them: one map per session
        Map<String, OAuth2AuthorizedClient> clients = new HashMap<>(Map.of("larochelle", client));

        @SuppressWarnings("unchecked")
        Map<String, OAuth2AuthorizedClient> read =
                (Map<String, OAuth2AuthorizedClient>) json.deserialize(json.serialize(clients));

        OAuth2AuthorizedClient back = read.get("larochelle");
        assertThat(back.getPrincipalName()).isEqualTo("5f0c4a3e-citizen");
        assertThat(back.getAccessToken().getTokenValue()).isEqualTo("access-token");
        assertThat(back.getAccessToken().getExpiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(back.getAccessToken().getScopes()).containsExactly("openid");
        assertThat(back.getRefreshToken().getTokenValue()).isEqualTo("refresh-token");
        assertThat(back.getClientRegistration().getRegistrationId()).isEqualTo("larochelle");
        assertThat(back.getClientRegistration().getProviderDetails().getTokenUri())
                .isEqualTo(registration.getProviderDetails().getTokenUri());
    }

    @Test
    void springSessionsOwnBookkeepingComesBackAsWritten() {
        assertThat(json.deserialize(json.serialize(NOW.toEpochMilli()))).isEqualTo(NOW.toEpochMilli());
        assertThat(json.deserialize(json.serialize(1800))).isEqualTo(1800);
        assertThat(json.deserialize(json.serialize("/platform/tenants"))).isEqualTo("/platform/tenants");
    }

    @Test
    void anEntryNamingAClassOffTheAllowListIsRefused() {
        byte[] gadget = """
                {"@class":"java.lang.ProcessBuilder","command":["touch","/tmp/owned"]}""".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> json.deserialize(gadget))
                .isInstanceOf(SerializationException.class)
                .hasStackTraceContaining("java.lang.ProcessBuilder");
    }

    @Test
    void aValueOfAnyOtherTypeDoesNotComeBack() {
        byte[] stored = json.serialize(new HashMap<>(Map.of("note", new Unlisted("kept out"))));

        assertThatThrownBy(() -> json.deserialize(stored))
                .isInstanceOf(SerializationException.class)
                .hasStackTraceContaining(Unlisted.class.getName());
    }

    record Unlisted(String value) {}
}
