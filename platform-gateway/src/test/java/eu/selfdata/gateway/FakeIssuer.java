package eu.selfdata.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stand-in for the Keycloak realm in fast tests: serves the realm description and its JWKS and
 * mints access tokens shaped like Keycloak's. Can be made unreachable (503) to act as an outage.
 */
final class FakeIssuer implements AutoCloseable {

    static final String REALM_PATH = "/realms/selfdata";

    private final HttpServer server;
    private final RSAKey key;
    private final AtomicInteger keyFetches = new AtomicInteger();
    private volatile boolean down;

    private FakeIssuer() throws IOException, JOSEException {
        this.key = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeIssuer start() {
        try {
            return new FakeIssuer();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    void down(boolean down) {
        this.down = down;
    }

    int keyFetches() {
        return keyFetches.get();
    }

    /** A valid token for a member of {@code cities} with {@code realmRoles}, adjustable before signing. */
    String token(List<String> cities, List<String> realmRoles, Consumer<JWTClaimsSet.Builder> adjust) {
        return sign(key, claims(cities, realmRoles, adjust));
    }

    String token(List<String> cities, List<String> realmRoles) {
        return token(cities, realmRoles, claims -> {});
    }

    /** Same claims and key id, signed by a key the realm never published. */
    String tokenSignedByAnotherKey(List<String> cities) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            return sign(other, claims(cities, List.of("citizen"), claims -> {}));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by a key with an id the realm never published. */
    String tokenWithUnknownKey(List<String> cities) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID("rotated-key").generate();
            return sign(other, claims(cities, List.of("citizen"), claims -> {}));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: claims that would be valid, with no signature at all. */
    String unsignedToken(List<String> cities) {
        return new PlainJWT(claims(cities, List.of("citizen"), claims -> {})).serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private JWTClaimsSet claims(List<String> cities, List<String> realmRoles, Consumer<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("user-1")
                .audience(List.of("selfdata-api", "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("azp", "portal-test")
                .claim("organization", cities)
                .claim("realm_access", Map.of("roles", realmRoles));
        adjust.accept(claims);
        return claims.build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (down) {
                respond(exchange, 503, "{}");
            } else if (path.equals(REALM_PATH + "/protocol/openid-connect/certs")) {
                keyFetches.incrementAndGet();
                respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
            } else if (path.equals(REALM_PATH)) {
                respond(exchange, 200, "{\"realm\":\"selfdata\"}");
            } else {
                respond(exchange, 404, "{}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
