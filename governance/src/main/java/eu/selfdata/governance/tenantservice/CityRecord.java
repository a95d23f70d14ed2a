package eu.selfdata.governance.tenantservice;

/** A city as tenant-service's registry lists it (the fields governance uses). */
public record CityRecord(String slug, String displayName, int population, String status) {
}
