package eu.selfdata.keycloak.extensions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.email.EmailException;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's e-mails in the name and colours of the city whose portal the person uses. Keycloak has no e-mail
 * theme per client or per organization, so the city is found here and handed to the realm's e-mail theme
 * ({@code selfdata}) as {@code city} ({@link CityMailBranding}); it also replaces the realm's name in the
 * messages and is appended to the subject's arguments (the theme's subjects say where).
 *
 * <p>The city is the portal client of the sign-in in progress (password reset, verification asked by the login
 * pages), else the client the mail's own action token was issued for (its {@code azp}: the verification and
 * invitation mails tenant-service asks for name {@code portal-{slug}}). Keycloak built and signed that link a
 * moment ago, so reading it needs no check. Anything else gets the platform's name and colours.
 */
final class CityEmailTemplateProvider extends FreeMarkerEmailTemplateProvider {

    private CityMailBranding city;

    CityEmailTemplateProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    protected EmailTemplate processTemplate(
            String subjectKey, List<Object> subjectAttributes, String template, Map<String, Object> attributes)
            throws EmailException {
        city = city(attributes).orElse(null);
        List<Object> subject = new ArrayList<>(subjectAttributes);
        subject.add(getRealmName());
        if (city != null) {
            attributes.put("city", city);
        }
        return super.processTemplate(subjectKey, subject, template, attributes);
    }

    @Override
    protected String getRealmName() {
        return city != null ? city.getName() : super.getRealmName();
    }

    private Optional<CityMailBranding> city(Map<String, Object> attributes) {
        if (realm == null) {
            return Optional.empty();
        }
        Optional<String> clientId = authenticationSession != null && authenticationSession.getClient() != null
                ? Optional.of(authenticationSession.getClient().getClientId())
                : ActionLink.issuedFor(attributes.get("link"));
        return clientId.flatMap(CityPortalClient::of).flatMap(portal -> {
            ClientModel client = realm.getClientByClientId(portal.portalClientId());
            return client == null ? Optional.empty() : Optional.of(CityMailBranding.of(portal, client));
        });
    }
}
