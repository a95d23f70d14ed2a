package eu.selfdata.governance.tenantservice;

/** What one city used in a period, as tenant-service metered it. */
public record CityUsage(String slug, long activeCitizens, long storedBytes, long apiCalls) {}
