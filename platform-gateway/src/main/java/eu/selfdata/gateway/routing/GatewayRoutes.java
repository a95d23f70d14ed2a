package eu.selfdata.gateway.routing;

import eu.selfdata.gateway.tenancy.ServedHost;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one route set every city shares; which city a request is for was decided before routing
 * (see {@code TenantResolutionFilter}), never by a route per city. Paths no route takes
 * ({@code /platform/**} and {@code /internal/**} on a city host, {@code /api/**} and
 * {@code /internal/**} on the platform host, any service's {@code /actuator}) answer 404.
 * The original Host goes to the services so they can build links; a signed-in browser session's
 * access token goes with the request as {@code Authorization: Bearer} ({@code TokenRelay}).
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    private static final String GOVERNANCE = "/governance/**";
    private static final String INTERNAL = "/internal/**";
    private static final String ACTUATOR = "/actuator/**";

    @Bean
    RouteLocator sharedRoutes(RouteLocatorBuilder builder, RoutesProperties routes) {
        return builder.routes()
                .route(
                        "governance",
                        route -> route.predicate(
                                        exchange -> ServedHost.of(exchange).isPresent())
                                .and()
                                .path(GOVERNANCE)
                                .filters(filters -> filters.preserveHostHeader().tokenRelay())
                                .uri(routes.governanceUri()))
                .route(
                        "city-to-tenant-service",
                        route -> route.predicate(ServedHost::isCity)
                                .and()
                                .not(paths -> paths.path(GOVERNANCE, INTERNAL, ACTUATOR, "/platform/**"))
                                .filters(filters -> filters.preserveHostHeader().tokenRelay())
                                .uri(routes.tenantServiceUri()))
                .route(
                        "platform-to-tenant-service",
                        route -> route.predicate(ServedHost::isPlatform)
                                .and()
                                .not(paths -> paths.path(GOVERNANCE, INTERNAL, ACTUATOR, "/api/**"))
                                .filters(filters -> filters.preserveHostHeader().tokenRelay())
                                .uri(routes.tenantServiceUri()))
                .build();
    }
}
