package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.problem.ProblemException;
import eu.selfdata.gateway.problem.ProblemType;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks Keycloak whether it answers before a browser is sent there to sign in, so that a sign-in
 * while Keycloak is down ends on the platform's 503 page rather than on a browser error. A success
 * is remembered for a few seconds so that a burst of sign-ins costs one request.
 */
@Component
class IdentityProviderProbe {

    private static final Duration REMEMBER_SUCCESS = Duration.ofSeconds(3);

    private final WebClient webClient;
    private final String realmUri;
    private volatile long reachableUntilNanos = System.nanoTime();

    IdentityProviderProbe(IdentityProperties properties) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1_000)
                .responseTimeout(Duration.ofSeconds(2));
        this.webClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
        // the realm's public description: small, unauthenticated, answered only when the realm is served
        this.realmUri = properties.issuer();
    }

    /** Completes when Keycloak answers; fails with a 503 identity-unavailable problem otherwise. */
    Mono<Void> ensureReachable() {
        if (System.nanoTime() - reachableUntilNanos < 0) {
            return Mono.empty();
        }
        return webClient
                .get()
                .uri(realmUri)
                .retrieve()
                .toBodilessEntity()
                .doOnNext(ok -> reachableUntilNanos = System.nanoTime() + REMEMBER_SUCCESS.toNanos())
                .onErrorMap(error -> unavailable())
                .then();
    }

    static ProblemException unavailable() {
        return new ProblemException(
                ProblemType.IDENTITY_UNAVAILABLE,
                "Signing in is unavailable at the moment because the identity service does not answer; please try again shortly.");
    }
}
