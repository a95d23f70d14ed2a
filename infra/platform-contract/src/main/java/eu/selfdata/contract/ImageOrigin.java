package eu.selfdata.contract;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A public https origin a page may load images from (a city's map tiles): {@code https://} and a
 * DNS name with a top-level domain (no IP literal, no {@code localhost}, no user, path or wildcard),
 * with an optional port. A service names it on a page's response in {@link PlatformHeaders#IMAGE_ORIGIN};
 * the gateway checks it again here, removes the header and adds exactly this origin to that page's
 * CSP {@code img-src}. Nothing else of a city's setting ever reaches the policy.
 */
public record ImageOrigin(String value) {

    private static final Pattern ORIGIN =
            Pattern.compile("^https://([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}(?::[1-9][0-9]{0,4})?$");

    public ImageOrigin {
        if (value == null || value.length() > 260 || !ORIGIN.matcher(value).matches()) {
            throw new IllegalArgumentException("not a public https origin: " + value);
        }
    }

    /** The origin of a URL or URL template ({@code {z}}-style placeholders allowed after the host), if it is one. */
    public static Optional<ImageOrigin> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.strip().replace("{", "%7B").replace("}", "%7D"));
            if (uri.getRawUserInfo() != null || uri.getHost() == null || !"https".equalsIgnoreCase(uri.getScheme())) {
                return Optional.empty();
            }
            String origin = "https://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() != -1 ? ":" + uri.getPort() : "");
            return parse(origin);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The origin exactly as written, if it is one. */
    public static Optional<ImageOrigin> parse(String origin) {
        try {
            return Optional.of(new ImageOrigin(origin == null ? null : origin.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
