package eu.selfdata.launcher.demo;

import eu.selfdata.launcher.identity.DemoUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A city onboarded on a fresh dev platform so that there is something to look at. */
public record DemoCity(String slug, String displayName, int population, String primaryColor) {

    /** Primary colours carry white text: both pass WCAG AA (La Rochelle 7.1:1, Lyon 5.9:1). */
    public static final List<DemoCity> ALL = List.of(
            new DemoCity("larochelle", "La Rochelle", 77_205, "#00607a"),
            new DemoCity("lyon", "Lyon", 522_250, "#c8102e"));

    /** The city's first administrator, created by onboarding with the client role city-admin of portal-{slug}. */
    public String adminEmail() {
        return "admin." + slug + "@" + DemoUsers.DOMAIN;
    }

    /** A citizen, member of this city only. */
    public String citizenEmail() {
        return "camille." + slug + "@" + DemoUsers.DOMAIN;
    }

    /** Body of {@code POST /platform/tenants}. */
    Map<String, Object> onboardingRequest() {
        Map<String, Object> branding = new LinkedHashMap<>();
        branding.put("primaryColor", primaryColor);
        branding.put("secondaryColor", "#ffffff");
        branding.put("logoUrl", null);
        branding.put("defaultLanguage", "fr");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("slug", slug);
        request.put("displayName", displayName);
        request.put("population", population);
        request.put("customDomains", List.of());
        request.put("branding", branding);
        request.put("enabledModules", List.of("mobility-carbon", "waste", "energy-water"));
        request.put("adminEmail", adminEmail());
        return request;
    }
}
