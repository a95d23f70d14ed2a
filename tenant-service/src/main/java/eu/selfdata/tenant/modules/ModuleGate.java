package eu.selfdata.tenant.modules;

import eu.selfdata.contract.problem.ProblemResponses;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A module's API ({@code /api/{module}/**}) and portal page ({@code /my/{module}/**}) answer 404 in a city that has not enabled it. */
@Configuration(proxyBeanMethods = false)
class ModuleGate implements WebMvcConfigurer, HandlerInterceptor {

    private final ModuleCatalogue catalogue;
    private final ProblemResponses problems;

    ModuleGate(ModuleCatalogue catalogue, ProblemResponses problems) {
        this.catalogue = catalogue;
        this.problems = problems;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // One registration for every module's prefix: each request is matched once, not once per module.
        // (An interceptor without patterns would apply to every path: none at all without modules.)
        List<String> prefixes = catalogue.all().stream()
                .flatMap(module -> Stream.of("/api/" + module.id() + "/**", "/my/" + module.id() + "/**"))
                .toList();
        if (!prefixes.isEmpty()) {
            registry.addInterceptor(this).addPathPatterns(prefixes);
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        // "/api/{module}/..." or "/my/{module}/...": the module is the second segment
        String module = request.getRequestURI().split("/", 4)[2];
        if (TenantContext.current().isPresent() && catalogue.isEnabledHere(module)) {
            return true;
        }
        problems.write(
                request,
                response,
                ProblemType.MODULE_NOT_ENABLED,
                "This city has not enabled the module '" + module + "'");
        return false;
    }
}
