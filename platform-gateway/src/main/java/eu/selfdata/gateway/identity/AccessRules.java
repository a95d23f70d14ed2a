package eu.selfdata.gateway.identity;

import eu.selfdata.gateway.problem.ProblemType;
import eu.selfdata.gateway.tenancy.ServedHost;
import eu.selfdata.identity.WrongCity;
import java.util.Optional;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * What the gateway itself decides; the services decide the rest per endpoint. Anonymous requests
 * pass, except to the coordinator API ({@code /platform/**} on the platform host), which needs the
 * realm role {@code platform-coordinator}. Whoever presents an identity on a city's host (a bearer
 * token or a session) must be a member of that city.
 */
class AccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    static final String PLATFORM_API = "/platform";
    static final String COORDINATOR = "platform-coordinator";

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServedHost served = ServedHost.of(context.getExchange()).orElse(null);
        String path = context.getExchange()
                .getRequest()
                .getPath()
                .pathWithinApplication()
                .value();
        boolean coordinatorApi = served instanceof ServedHost.Platform
                && (path.equals(PLATFORM_API) || path.startsWith(PLATFORM_API + "/"));
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(caller -> decide(caller, served, coordinatorApi))
                // Spring's verify() drops the decision, so the refusal handler finds it on the exchange
                .doOnNext(result -> {
                    if (result instanceof Refusal refusal) {
                        context.getExchange().getAttributes().put(Refusal.ATTRIBUTE, refusal);
                    }
                })
                // anonymous: refused only where a role is required, which sends it to the entry point (401)
                .defaultIfEmpty(new AuthorizationDecision(!coordinatorApi));
    }

    private static AuthorizationResult decide(Authentication caller, ServedHost served, boolean coordinatorApi) {
        Optional<String> hostCity =
                served instanceof ServedHost.City city ? Optional.of(city.slug()) : Optional.empty();
        if (WrongCity.refuses(hostCity, slug -> Caller.belongsTo(caller.getAuthorities(), slug))) {
            return new Refusal(
                    ProblemType.WRONG_CITY, "This identity does not belong to the city served at this address.");
        }
        if (coordinatorApi && !Caller.hasRealmRole(caller.getAuthorities(), COORDINATOR)) {
            return new Refusal(ProblemType.FORBIDDEN, "The coordinator API needs the platform-coordinator role.");
        }
        return new AuthorizationDecision(true);
    }

    /** A refusal that says which problem to answer with. */
    static final class Refusal extends AuthorizationDecision {

        static final String ATTRIBUTE = Refusal.class.getName();

        private final ProblemType type;
        private final String detail;

        Refusal(ProblemType type, String detail) {
            super(false);
            this.type = type;
            this.detail = detail;
        }

        ProblemType type() {
            return type;
        }

        String detail() {
            return detail;
        }
    }
}
