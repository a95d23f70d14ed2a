package eu.selfdata.connectors.settings;

import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.outbound.OutboundHost;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An http(s) URL of a public server: absolute, no user info, no fragment, printable ASCII only.
 * Where it resolves is checked again at every call and redirect by the outbound guard.
 */
record PublicUrlSetting() implements SettingType<URI> {

    private static final Pattern PRINTABLE = Pattern.compile("^https?://[\\x21-\\x7e]+$", Pattern.CASE_INSENSITIVE);

    @Override
    public URI parse(String text) {
        if (!PRINTABLE.matcher(text).matches() || text.contains("{") || text.contains("}")) {
            throw new IllegalArgumentException("not a plain http(s) URL");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null
                || uri.getHost() == null
                || uri.getPort() == 0
                || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("not a public http(s) URL");
        }
        OutboundHost.normalise(uri.getHost());
        return uri;
    }

    @Override
    public String format(URI value) {
        return value.toString();
    }

    @Override
    public Optional<String> host(URI value) {
        return Optional.of(value.getHost());
    }

    @Override
    public LocalizedText rule() {
        return new LocalizedText(
                "une URL http(s) d'un serveur public, sans identifiants",
                "an http(s) URL of a public server, without credentials");
    }

    @Override
    public Input input() {
        return Input.URL;
    }
}
