package eu.selfdata.tenant.portal;

import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Page language: the one chosen with {@code ?lang=fr|en} (kept in a cookie), else the browser's when
 * it is French or English, else the city's default.
 */
@Configuration
class PortalLanguage implements WebMvcConfigurer {

    private static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    private static final String COOKIE = "selfdata-lang";
    private static final String CHOSEN = PortalLanguage.class.getName() + ".chosen";

    @Bean
    LocaleResolver localeResolver(ServedTenants servedTenants) {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
                    return chosen;
                }
                if (request.getCookies() != null) {
                    for (var cookie : request.getCookies()) {
                        if (COOKIE.equals(cookie.getName()) && supported(cookie.getValue())) {
                            return Locale.forLanguageTag(cookie.getValue());
                        }
                    }
                }
                String header = request.getHeader("Accept-Language");
                if (header != null && !header.isBlank()) {
                    Locale browser = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                    if (browser != null) {
                        return browser;
                    }
                }
                return TenantContext.current()
                        .flatMap(tenant -> servedTenants.find(tenant.slug()))
                        .map(city -> Locale.forLanguageTag(city.branding().defaultLanguage()))
                        .orElse(Locale.ENGLISH);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                if (locale != null && supported(locale.getLanguage())) {
                    // this request already renders in it; the cookie keeps it for the next ones
                    request.setAttribute(CHOSEN, Locale.forLanguageTag(locale.getLanguage()));
                    var cookie = new jakarta.servlet.http.Cookie(COOKIE, locale.getLanguage());
                    cookie.setPath("/");
                    cookie.setHttpOnly(true);
                    cookie.setAttribute("SameSite", "Lax");
                    response.addCookie(cookie);
                }
            }
        };
    }

    private static boolean supported(String language) {
        return SUPPORTED.stream().anyMatch(locale -> locale.getLanguage().equals(language));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
