package eu.selfdata.keycloak.extensions;

import java.util.regex.Pattern;
import org.keycloak.models.ClientModel;

/**
 * A city's name and colours as its e-mails show them, read from its portal client's attributes (the ones its
 * login pages wear, set by onboarding). A colour that is not {@code #rgb} or {@code #rrggbb} and a logo that
 * is not an http(s) or root-relative URL fall back to the platform's: nothing unchecked reaches a mail.
 * Getters, not record accessors, because the e-mail templates read it through FreeMarker.
 */
public final class CityMailBranding {

    static final String PLATFORM_PRIMARY = "#1f4e79";
    static final String PLATFORM_SECONDARY = "#2e7d32";
    private static final Pattern COLOUR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern LOGO = Pattern.compile("(https?://|/)[^\\s\"'<>()]*");

    private final String slug;
    private final String name;
    private final String primaryColor;
    private final String secondaryColor;
    private final String logoUrl;

    CityMailBranding(String slug, String name, String primaryColor, String secondaryColor, String logoUrl) {
        this.slug = slug;
        this.name = name == null || name.isBlank() ? slug : name.strip();
        this.primaryColor = checked(COLOUR, primaryColor, PLATFORM_PRIMARY);
        this.secondaryColor = checked(COLOUR, secondaryColor, PLATFORM_SECONDARY);
        this.logoUrl = checked(LOGO, logoUrl, "");
    }

    static CityMailBranding of(CityPortalClient portal, ClientModel client) {
        return new CityMailBranding(
                portal.citySlug(),
                client.getAttribute("selfdata.displayName"),
                client.getAttribute("selfdata.primaryColor"),
                client.getAttribute("selfdata.secondaryColor"),
                client.getAttribute("selfdata.logoUrl"));
    }

    private static String checked(Pattern shape, String value, String fallback) {
        return value != null && shape.matcher(value).matches() ? value : fallback;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getPrimaryColor() {
        return primaryColor;
    }

    public String getSecondaryColor() {
        return secondaryColor;
    }

    public String getLogoUrl() {
        return logoUrl;
    }
}
