package eu.selfdata.mobility.page;

import eu.selfdata.contract.ImageOrigin;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The map tiles a city chose: a public https URL template with Leaflet's {@code {z}}, {@code {x}}
 * and {@code {y}} placeholders (an OpenStreetMap tile server, the Géoplateforme's WMTS in its
 * {@code TILEMATRIX={z}&TILECOL={x}&TILEROW={y}} form) and the attribution the tiles' licence asks
 * for, as plain text. A city admin's value is hostile input: no other placeholder (Leaflet's
 * {@code {s}} would spread requests over hosts the page's policy does not allow), no user, no
 * fragment, no IP literal or local name, bounded lengths, no control character.
 */
public record Basemap(String tileUrl, String attribution) {

    static final int MAX_URL = 500;
    static final int MAX_ATTRIBUTION = 200;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public Basemap {
        if (tileUrl == null
                || tileUrl.isBlank()
                || tileUrl.length() > MAX_URL
                || CONTROL.matcher(tileUrl).find()
                || tileUrl.contains("#")) {
            throw new IllegalArgumentException(
                    "a tile URL template is at most " + MAX_URL + " characters, without spaces or fragment");
        }
        if (ImageOrigin.of(tileUrl).isEmpty()) {
            throw new IllegalArgumentException(
                    "the tiles must come from a public https server named by its domain: " + tileUrl);
        }
        Matcher placeholders = PLACEHOLDER.matcher(tileUrl);
        int found = 0;
        while (placeholders.find()) {
            switch (placeholders.group(1)) {
                case "z", "x", "y" -> found++;
                default ->
                    throw new IllegalArgumentException(
                            "'{" + placeholders.group(1) + "}' is not a placeholder here: use {z}, {x} and {y}");
            }
        }
        if (found != 3 || !tileUrl.contains("{z}") || !tileUrl.contains("{x}") || !tileUrl.contains("{y}")) {
            throw new IllegalArgumentException("a tile URL template names {z}, {x} and {y} once each");
        }
        if (attribution == null
                || attribution.isBlank()
                || attribution.length() > MAX_ATTRIBUTION
                || CONTROL.matcher(attribution).find()) {
            throw new IllegalArgumentException("name the tiles' source as their licence asks (at most "
                    + MAX_ATTRIBUTION + " characters), e.g. \"© OpenStreetMap contributors\"");
        }
        tileUrl = tileUrl.strip();
        attribution = attribution.strip();
    }

    /** The only origin the page's policy lets images come from besides its own. */
    public ImageOrigin origin() {
        return ImageOrigin.of(tileUrl).orElseThrow();
    }
}
