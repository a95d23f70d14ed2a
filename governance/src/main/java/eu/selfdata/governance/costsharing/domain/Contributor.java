package eu.selfdata.governance.costsharing.domain;

import java.util.UUID;

/**
 * A partner as a cost key sees it: city or not, population, and usage metered in the period
 * (all zero for a non-city partner, which then pays only through floors or equal shares).
 */
public record Contributor(
        UUID partnerId,
        String name,
        boolean city,
        long population,
        long activeCitizens,
        long storedBytes,
        long apiCalls) {}
