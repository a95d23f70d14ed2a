package eu.selfdata.gateway.tenancy;

import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.contract.PlatformHeaders;
import eu.selfdata.gateway.problem.ProblemException;
import eu.selfdata.gateway.problem.ProblemType;
import eu.selfdata.gateway.security.HeaderHygieneFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves the city from the Host before any route is chosen, refuses unknown and suspended ones,
 * and tells the services who the request is for with {@code X-Tenant-Id} and a signature.
 */
@Component
class TenantResolutionFilter implements WebFilter, Ordered {

    // after the hygiene filter has removed whatever tenant headers the client sent
    static final int ORDER = HeaderHygieneFilter.ORDER + 10;
    private static final String ACTUATOR = "/actuator";

    private final HostTenantResolver resolver;
    private final TenantDirectory directory;
    private final GatewaySignature signer;

    TenantResolutionFilter(HostTenantResolver resolver, TenantDirectory directory, GatewaySignature signer) {
        this.resolver = resolver;
        this.directory = directory;
        this.signer = signer;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/")) {
            // the gateway's own endpoints answer on any host; no route leads to a service's actuator
            return chain.filter(exchange);
        }
        String host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
        RequestedHost requested = resolver.resolve(host);
        if (requested instanceof RequestedHost.Platform) {
            return forward(exchange, chain, new ServedHost.Platform());
        }
        if (requested instanceof RequestedHost.Unservable) {
            return Mono.error(unknownTenant(host));
        }
        return directory
                .find(requested)
                .switchIfEmpty(Mono.error(() -> unknownTenant(host)))
                .flatMap(tenant -> forward(exchange, chain, admit(tenant, host)));
    }

    private static ServedHost admit(Tenant tenant, String host) {
        return switch (tenant.status()) {
            case ACTIVE -> new ServedHost.City(tenant.slug(), tenant.rateLimits());
            case SUSPENDED ->
                throw new ProblemException(
                        ProblemType.TENANT_SUSPENDED, "The city served at " + host + " is suspended.");
            case PROVISIONING, OFFBOARDED, FAILED -> throw unknownTenant(host);
        };
    }

    private Mono<Void> forward(ServerWebExchange exchange, WebFilterChain chain, ServedHost served) {
        ServerWebExchange signed = exchange.mutate()
                .request(request -> request.headers(headers -> {
                    if (served instanceof ServedHost.City city) {
                        headers.set(PlatformHeaders.TENANT_ID, city.slug());
                    }
                    headers.set(PlatformHeaders.TENANT_SIGNATURE, signer.sign(served.tenant()));
                }))
                .build();
        signed.getAttributes().put(ServedHost.ATTRIBUTE, served);
        return chain.filter(signed);
    }

    private static ProblemException unknownTenant(String host) {
        return new ProblemException(ProblemType.UNKNOWN_TENANT, "No city is served at host " + host + ".");
    }
}
