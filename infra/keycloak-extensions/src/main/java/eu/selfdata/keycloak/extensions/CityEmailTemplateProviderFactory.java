package eu.selfdata.keycloak.extensions;

import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * E-mail template provider {@value #ID}: Keycloak's FreeMarker one with the city's branding
 * ({@link CityEmailTemplateProvider}). Its higher {@link #order()} makes it the realm's e-mail provider
 * without any server option.
 */
public final class CityEmailTemplateProviderFactory extends FreeMarkerEmailTemplateProviderFactory {

    public static final String ID = "selfdata";

    @Override
    public EmailTemplateProvider create(KeycloakSession session) {
        return new CityEmailTemplateProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 10;
    }
}
