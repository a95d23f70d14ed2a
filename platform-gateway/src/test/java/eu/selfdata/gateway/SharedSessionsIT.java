package eu.selfdata.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway replicas, A and B, share browser sessions through one real redis-server, with the real
 * Keycloak: a browser signed in through A goes on through B, a sign-out through B ends the session on
 * A, and a city's session is still no session on another city's host. The replicas listen on two
 * ports where a load balancer would give them one origin, so the browser's session cookie is carried
 * from A's origin to B's as that load balancer would deliver it.
 */
class SharedSessionsIT {

    private static final String NAMESPACE = "selfdata-tests:sessions";

    static RedisServer redis;
    static KeycloakGateway a;
    static KeycloakGateway b;
    static ConfigurableApplicationContext replicaA;
    static ConfigurableApplicationContext replicaB;

    @BeforeAll
    static void start() {
        redis = RedisServer.start(Path.of("target", "redis"));
        TestKeycloak keycloak = TestKeycloak.shared();
        a = KeycloakGateway.start(keycloak);
        b = KeycloakGateway.start(keycloak);
        replicaA = replica(a);
        replicaB = replica(b);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {replicaA, replicaB, a, b, redis}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aCitizenSignedInThroughOneReplicaGoesOnThroughTheOther() {
        try (Browser browser = new Browser()) {
            signIn(browser, a, "larochelle");
            String session = carrySession(browser, "larochelle.localhost");

            Browser.Page throughB = browser.get(b.origin("larochelle.localhost") + "/api/me");

            String token = BrowserLoginIT.bearer(throughB);
            assertThat(token).as("B relays the session's access token").isNotNull();
            assertThat(BearerTokenIT.claims(token)).contains("\"organization\":[\"larochelle\"]");
            assertThat(BrowserLoginIT.echoedHeader(throughB, "x-tenant-id")).isEqualTo("larochelle");
            // stored under the configured namespace, as JSON naming Spring Security's types (never JDK serialization)
            assertThat(storedSecurityContext(session))
                    .startsWith("{")
                    .contains("\"@class\":\"org.springframework.security.core.context.SecurityContextImpl\"")
                    .contains("\"authorizedClientRegistrationId\":\"larochelle\"");
        }
    }

    @Test
    void signingOutThroughOneReplicaEndsTheSessionOnTheOther() {
        try (Browser browser = new Browser()) {
            signIn(browser, a, "larochelle");
            String session = carrySession(browser, "larochelle.localhost");
            assertThat(BrowserLoginIT.bearer(browser.get(b.origin("larochelle.localhost") + "/api/me")))
                    .isNotNull();

            Browser.Page afterLogout = browser.post(b.origin("larochelle.localhost") + "/logout", Map.of());

            assertThat(afterLogout.uri()).isEqualTo(URI.create(b.origin("larochelle.localhost") + "/"));
            // the cookie A's origin still holds names a session that no replica has any more
            assertThat(browser.cookie(authority(a, "larochelle.localhost"), "SESSION"))
                    .isEqualTo(session);
            assertThat(BrowserLoginIT.bearer(browser.get(a.origin("larochelle.localhost") + "/api/me")))
                    .isNull();
            assertThat(storedSecurityContext(session)).isNull();
        }
    }

    @Test
    void aSessionOfLaRochelleIsNoSessionOnLyonThroughEitherReplica() {
        try (Browser browser = new Browser()) {
            signIn(browser, a, "larochelle");
            String session = browser.cookie(authority(a, "larochelle.localhost"), "SESSION");

            // replayed by hand: a browser never sends La Rochelle's host-only cookie to Lyon
            for (KeycloakGateway replica : List.of(a, b)) {
                browser.setCookie(authority(replica, "lyon.localhost"), "SESSION", session);
                Browser.Page onLyon = browser.get(replica.origin("lyon.localhost") + "/api/me");
                assertThat(BrowserLoginIT.bearer(onLyon))
                        .as("on Lyon through %s", replica.origin("lyon.localhost"))
                        .isNull();
                assertThat(BrowserLoginIT.echoedHeader(onLyon, "x-tenant-id")).isEqualTo("lyon");
            }
            // and the session itself is untouched on its own city
            browser.setCookie(authority(b, "larochelle.localhost"), "SESSION", session);
            assertThat(BrowserLoginIT.bearer(browser.get(b.origin("larochelle.localhost") + "/api/me")))
                    .isNotNull();
        }
    }

    private static ConfigurableApplicationContext replica(KeycloakGateway gateway) {
        List<String> arguments = new ArrayList<>();
        gateway.register((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.add("--selfdata.sessions.store=redis");
        arguments.add("--selfdata.sessions.redis.host=127.0.0.1");
        arguments.add("--selfdata.sessions.redis.port=" + redis.port());
        arguments.add("--selfdata.sessions.redis.password=" + redis.password());
        arguments.add("--selfdata.sessions.redis.namespace=" + NAMESPACE);
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }

    private static void signIn(Browser browser, KeycloakGateway replica, String city) {
        Browser.Page loginPage = browser.get(replica.origin(city + ".localhost") + "/login");
        assertThat(loginPage.uri().toString()).startsWith(replica.keycloak().issuer());
        Browser.Page home =
                browser.signIn(loginPage, KeycloakGateway.LA_ROCHELLE_CITIZEN, KeycloakGateway.PASSWORD, uri -> false);
        assertThat(BrowserLoginIT.bearer(home))
                .as("signed in through %s", replica.origin(city))
                .isNotNull();
    }

    /** The session cookie the browser holds for A, delivered to B as a load balancer would. */
    private static String carrySession(Browser browser, String host) {
        String session = browser.cookie(authority(a, host), "SESSION");
        assertThat(session).isNotBlank();
        browser.setCookie(authority(b, host), "SESSION", session);
        return session;
    }

    /** The security context stored for a session, as Redis holds it, or null when there is none. */
    private static String storedSecurityContext(String sessionId) {
        RedisClient client = RedisClient.create(RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(redis.port())
                .withPassword(redis.password().toCharArray())
                .build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().hget(NAMESPACE + ":sessions:" + sessionId, "sessionAttr:SPRING_SECURITY_CONTEXT");
        } finally {
            client.shutdown();
        }
    }

    private static String authority(KeycloakGateway replica, String host) {
        return URI.create(replica.origin(host)).getAuthority();
    }
}
