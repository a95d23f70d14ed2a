package eu.selfdata.keycloak.extensions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A city's portal client, {@code portal-{slug}}: the one place where a client id is read as "this city".
 * The slug follows the platform's tenant rule {@code ^[a-z][a-z0-9-]{1,39}$} and is the alias of the city's
 * Organization.
 */
record CityPortalClient(String citySlug) {

    private static final Pattern CLIENT_ID = Pattern.compile("portal-([a-z][a-z0-9-]{1,39})");

    String portalClientId() {
        return "portal-" + citySlug;
    }

    static Optional<CityPortalClient> of(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        Matcher matcher = CLIENT_ID.matcher(clientId);
        return matcher.matches() ? Optional.of(new CityPortalClient(matcher.group(1))) : Optional.empty();
    }
}
