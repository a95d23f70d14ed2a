package eu.selfdata.governance.costsharing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a budget line is shared. {@code basis}: equal shares, population, or metered usage (active
 * citizens, stored data, API calls). {@code fixedPercent} > 0 makes it "fixed + variable": that
 * percentage split equally, the rest by the basis. {@code solidarity} lowers the weight of small
 * cities. Floors and caps (cents) per partner bound what each is charged. {@code partners}, when
 * given, limits the line to those partners; by default every partner that was a member during the
 * period shares it.
 */
public record CostSharingKey(
        Basis basis,
        Integer fixedPercent,
        Solidarity solidarity,
        Map<UUID, Long> floorsCents,
        Map<UUID, Long> capsCents,
        List<UUID> partners) {

    public enum Basis {
        EQUAL,
        POPULATION,
        ACTIVE_CITIZENS,
        STORED_DATA,
        API_CALLS;

        public boolean metered() {
            return this == ACTIVE_CITIZENS || this == STORED_DATA || this == API_CALLS;
        }
    }

    /** Cities under {@code populationBelow} inhabitants weigh {@code coefficient} (0 < c <= 1) times their basis. */
    public record Solidarity(int populationBelow, BigDecimal coefficient) {

        public Solidarity {
            if (populationBelow < 0
                    || coefficient == null
                    || coefficient.signum() <= 0
                    || coefficient.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("solidarity needs populationBelow >= 0 and 0 < coefficient <= 1");
            }
        }
    }

    public CostSharingKey {
        if (basis == null) {
            throw new IllegalArgumentException("basis is required");
        }
        fixedPercent = fixedPercent == null ? 0 : fixedPercent;
        if (fixedPercent < 0 || fixedPercent > 100) {
            throw new IllegalArgumentException("fixedPercent is between 0 and 100");
        }
        floorsCents = floorsCents == null ? Map.of() : Map.copyOf(floorsCents);
        capsCents = capsCents == null ? Map.of() : Map.copyOf(capsCents);
        partners = partners == null ? List.of() : List.copyOf(partners);
        if (floorsCents.values().stream().anyMatch(floor -> floor == null || floor < 0)) {
            throw new IllegalArgumentException("A floor is zero or more");
        }
        for (Map.Entry<UUID, Long> cap : capsCents.entrySet()) {
            if (cap.getValue() == null || cap.getValue() < floorsCents.getOrDefault(cap.getKey(), 0L)) {
                throw new IllegalArgumentException("A cap is at least the partner's floor");
            }
        }
    }
}
