package eu.selfdata.keycloak.extensions;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link Keycloak put in a mail ({@code .../login-actions/action-token?key=<JWS>}): the client its action token
 * was issued for ({@code azp}). Keycloak built and signed the token a moment ago for this very mail, so the
 * payload is read without checking the signature; whatever it says must still be a portal client to name a city.
 */
final class ActionLink {

    private static final Pattern ISSUED_FOR = Pattern.compile("\"azp\"\\s*:\\s*\"([^\"]{1,100})\"");

    private ActionLink() {}

    static Optional<String> issuedFor(Object link) {
        if (!(link instanceof String text)) {
            return Optional.empty();
        }
        try {
            String query = URI.create(text).getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("key=")) {
                    String[] jws = URLDecoder.decode(pair.substring("key=".length()), StandardCharsets.UTF_8)
                            .split("\\.");
                    if (jws.length != 3) {
                        return Optional.empty();
                    }
                    Matcher azp = ISSUED_FOR.matcher(
                            new String(Base64.getUrlDecoder().decode(jws[1]), StandardCharsets.UTF_8));
                    return azp.find() ? Optional.of(azp.group(1)) : Optional.empty();
                }
            }
        } catch (IllegalArgumentException notALinkOrNotBase64) {
            // no city then
        }
        return Optional.empty();
    }
}
