package eu.selfdata.governance;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Language of the pages, notices and problem titles governance renders: the portal page that loads a fragment
 * names its own language ({@code ?lang=fr|en}, the citizen's choice there), else the choice the portal keeps in its
 * cookie ({@value #COOKIE}, same host through the gateway), else the browser's French or English, else English.
 * Nothing is remembered here: the portal keeps the choice.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguage {

    private static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    static final String COOKIE = "selfdata-lang";

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                String asked = request.getParameter("lang");
                if ("fr".equals(asked) || "en".equals(asked)) {
                    return Locale.forLanguageTag(asked);
                }
                for (Cookie cookie : request.getCookies() == null ? new Cookie[0] : request.getCookies()) {
                    if (COOKIE.equals(cookie.getName())
                            && ("fr".equals(cookie.getValue()) || "en".equals(cookie.getValue()))) {
                        return Locale.forLanguageTag(cookie.getValue());
                    }
                }
                String header = request.getHeader("Accept-Language");
                if (header != null && !header.isBlank()) {
                    try {
                        Locale browser = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                        if (browser != null) {
                            return browser;
                        }
                    } catch (IllegalArgumentException e) {
                        // a malformed header: fall back to English
                    }
                }
                return Locale.ENGLISH;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("the portal keeps the language choice");
            }
        };
    }
}
