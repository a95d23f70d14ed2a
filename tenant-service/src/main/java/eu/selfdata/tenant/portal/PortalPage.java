package eu.selfdata.tenant.portal;

import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.usecase.api.CityStaff;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every portal page's layout ({@code portal/fragments/layout.html}) shows: the city of the host
 * with its branding, the page language and who is signed in. Any {@code @Controller} (a module's too)
 * that renders a template using the layout gets these attributes.
 */
@ControllerAdvice(annotations = Controller.class)
class PortalPage {

    private final ServedTenants servedTenants;
    private final CityStaff staff;

    PortalPage(ServedTenants servedTenants, CityStaff staff) {
        this.servedTenants = servedTenants;
        this.staff = staff;
    }

    @ModelAttribute
    void layout(
            org.springframework.ui.Model model,
            Locale locale,
            Authentication authentication,
            HttpServletRequest request) {
        TenantContext.current()
                .flatMap(tenant -> servedTenants.find(tenant.slug()))
                .ifPresent(city -> model.addAttribute("city", city));
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute(
                "userName",
                Optional.ofNullable(authentication)
                        .filter(JwtAuthenticationToken.class::isInstance)
                        .map(JwtAuthenticationToken.class::cast)
                        .map(token -> Optional.ofNullable(token.getToken().getClaimAsString("given_name"))
                                .orElse(token.getToken().getClaimAsString("preferred_username")))
                        .orElse(null));
        model.addAttribute("cityAdmin", staff.isAdmin());
    }
}
