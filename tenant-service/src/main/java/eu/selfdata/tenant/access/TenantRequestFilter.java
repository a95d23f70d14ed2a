package eu.selfdata.tenant.access;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.contract.GatewaySignature;
import eu.selfdata.contract.PlatformHeaders;
import eu.selfdata.contract.problem.ProblemResponses;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.tenancy.MigrationState;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.tenant.tenancy.TenantMigrations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a request only when it came through the gateway: platform paths signed for no city, city
 * paths signed for the city in {@code X-Tenant-Id}, and that city served. The city then becomes the
 * tenant context for the whole request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TenantRequestFilter extends OncePerRequestFilter {

    private final GatewaySignature signature;
    private final ServedTenants servedTenants;
    private final TenantMigrations migrations;
    private final ProblemResponses problems;

    TenantRequestFilter(
            GatewaySignature signature,
            ServedTenants servedTenants,
            TenantMigrations migrations,
            ProblemResponses problems) {
        this.signature = signature;
        this.problems = problems;
        this.servedTenants = servedTenants;
        this.migrations = migrations;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tenantHeader = request.getHeader(PlatformHeaders.TENANT_ID);
        String signed = request.getHeader(PlatformHeaders.TENANT_SIGNATURE);
        if (tenantHeader == null) {
            if (!signature.verifies(signed, "")) {
                reject(
                        request,
                        response,
                        ProblemType.NOT_THROUGH_GATEWAY,
                        "Requests must come through the platform gateway");
            } else if (isPlatformPath(request)) {
                chain.doFilter(request, response);
            } else {
                reject(
                        request,
                        response,
                        ProblemType.MISSING_TENANT,
                        "This path belongs to a city: use the city's host");
            }
            return;
        }
        if (!signature.verifies(signed, tenantHeader)) {
            reject(
                    request,
                    response,
                    ProblemType.NOT_THROUGH_GATEWAY,
                    "The city header was not set by the platform gateway");
            return;
        }
        if (isPlatformOnlyPath(request)) {
            reject(request, response, ProblemType.NOT_FOUND, "No such page on a city's host");
            return;
        }
        if (!CitySlug.isValid(tenantHeader)) {
            reject(request, response, ProblemType.UNKNOWN_TENANT, "Unknown city");
            return;
        }
        TenantId tenant = TenantId.of(tenantHeader);
        Optional<ProblemDetail> refusal = refusal(tenant);
        if (refusal.isPresent()) {
            problems.write(request, response, refusal.get());
            return;
        }
        try {
            TenantContext.run(tenant, () -> proceed(chain, request, response));
        } catch (FilterFailure e) {
            e.rethrow();
        }
    }

    private Optional<ProblemDetail> refusal(TenantId tenant) {
        Optional<Tenant> known = servedTenants.find(tenant.slug());
        if (known.isEmpty()
                || known.get().status() == TenantStatus.PROVISIONING
                || known.get().status() == TenantStatus.FAILED
                || known.get().status() == TenantStatus.OFFBOARDED) {
            return Optional.of(ProblemType.UNKNOWN_TENANT.detail("No city '" + tenant.slug() + "' on this platform"));
        }
        if (known.get().status() == TenantStatus.SUSPENDED) {
            return Optional.of(
                    ProblemType.TENANT_SUSPENDED.detail(known.get().displayName() + " is suspended on this platform"));
        }
        if (known.get().moving()) {
            return Optional.of(ProblemType.CITY_MOVING.detail(
                    known.get().displayName() + " is moving to another database; its data is back in a few minutes"));
        }
        // Another replica may have onboarded the city: bring its schema up to date here once.
        MigrationState state = migrations
                .state(tenant)
                .orElseGet(() -> migrations.migrate(tenant, known.get().enabledModules()));
        if (state.status() != MigrationState.Status.MIGRATED) {
            return Optional.of(ProblemType.TENANT_UNAVAILABLE.detail("The data of "
                    + known.get().displayName() + " is being upgraded or failed to upgrade; try again later"));
        }
        return Optional.empty();
    }

    /** Static files (style, scripts, WebJars) are no city's data: the console on the platform host loads them too. */
    private static boolean isPlatformPath(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/")
                || path.startsWith("/platform/")
                || path.startsWith("/internal/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/v3/api-docs");
    }

    private static boolean isPlatformOnlyPath(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/platform/") || path.startsWith("/internal/");
    }

    private static void proceed(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new FilterFailure(e);
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        problems.write(request, response, type, detail);
    }

    /** Carries the checked exceptions of the filter chain through TenantContext.run. */
    private static final class FilterFailure extends RuntimeException {
        private final Exception cause;

        FilterFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }

        void rethrow() throws IOException, ServletException {
            if (cause instanceof IOException io) {
                throw io;
            }
            throw (ServletException) cause;
        }
    }
}
