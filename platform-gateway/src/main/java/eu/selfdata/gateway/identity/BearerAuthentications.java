package eu.selfdata.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens checked once, then remembered until they expire: an app sends the same access token
 * with every request for minutes, and parsing it, selecting the key and verifying RS256 again each
 * time was most of the gateway's cost of a bearer request. The key is the whole token (signature
 * included), so only the very token that passed every check (signature, issuer, audience,
 * {@code nbf}) is ever found; an entry lives until the token's {@code exp} plus the clock skew the
 * check allows, so an expired token is checked again and refused. Refused tokens are not
 * remembered. What a token may do on a host ({@link AccessRules}) is still decided per request.
 * Like the cached signing keys, this keeps a token that was valid working until it expires.
 */
class BearerAuthentications implements ReactiveAuthenticationManager {

    private final ReactiveAuthenticationManager checks;
    private final Duration clockSkew;
    private final Clock clock;
    private final Cache<String, JwtAuthenticationToken> accepted;

    BearerAuthentications(ReactiveAuthenticationManager checks, Duration clockSkew, int maximumSize, Clock clock) {
        this.checks = checks;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, JwtAuthenticationToken caller) -> untilExpired(caller)))
                .build();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return checks.authenticate(authentication);
        }
        JwtAuthenticationToken known = accepted.getIfPresent(bearer.getToken());
        if (known != null) {
            return Mono.just(known);
        }
        return checks.authenticate(bearer).doOnNext(caller -> {
            if (caller instanceof JwtAuthenticationToken jwt && jwt.getToken().getExpiresAt() != null) {
                accepted.put(bearer.getToken(), jwt);
            }
        });
    }

    private Duration untilExpired(JwtAuthenticationToken caller) {
        Instant expired = caller.getToken().getExpiresAt().plus(clockSkew);
        Duration left = Duration.between(clock.instant(), expired);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
