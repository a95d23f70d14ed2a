package eu.selfdata.connectors;

import java.util.regex.Pattern;

/**
 * A city's schema, built from its slug alone with the platform's rule ({@code t_} + slug, dashes
 * to underscores), so no other string ever reaches SQL as an identifier.
 */
public record CitySchema(String city) {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

    public CitySchema {
        if (city == null || !SLUG.matcher(city).matches()) {
            throw new IllegalArgumentException("not a city slug: " + city);
        }
    }

    public String name() {
        return "t_" + city.replace('-', '_');
    }

    public String quoted() {
        return '"' + name() + '"';
    }
}
