package eu.selfdata.tenant.usage;

/**
 * What a city used: distinct citizens seen in the period, bytes its schema holds now (tables with
 * their indexes and TOAST), API calls served in the period.
 */
public record CityUsage(String slug, long activeCitizens, long storedBytes, long apiCalls) {}
