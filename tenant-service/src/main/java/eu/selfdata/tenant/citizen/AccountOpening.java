package eu.selfdata.tenant.citizen;

import eu.selfdata.identity.CityClaims;
import eu.selfdata.tenant.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Opens a citizen's account on their first authenticated request in a city, whatever the endpoint. */
@Configuration(proxyBeanMethods = false)
class AccountOpening implements WebMvcConfigurer, HandlerInterceptor {

    private final CitizenAccounts accounts;

    AccountOpening(CitizenAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // an account being erased still reads how far its erasure is
        registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/me/erasure");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (TenantContext.current().isPresent()
                && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            accounts.open(
                    token.getToken().getSubject(),
                    CityClaims.of(token.getToken().getClaims()).emailVerified());
        }
        return true;
    }
}
