package eu.selfdata.gateway.tenancy;

import eu.selfdata.contract.RateLimits;

/** A city as the gateway knows it from the tenant directory, with the rate limits its coordinator set. */
record Tenant(String slug, TenantStatus status, RateLimits rateLimits) {}
