package eu.selfdata.governance.tenantservice;

/**
 * A city as tenant-service's registry lists it (the fields governance uses): its first admin's address and
 * its default language say whom to mail about the city, in which language.
 */
public record CityRecord(
        String slug, String displayName, int population, String status, String adminEmail, Look branding) {

    public record Look(String defaultLanguage) {}

    /** fr or en, English when the registry does not say. */
    public String language() {
        return branding != null && "fr".equals(branding.defaultLanguage()) ? "fr" : "en";
    }
}
