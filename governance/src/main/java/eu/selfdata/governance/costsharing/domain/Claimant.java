package eu.selfdata.governance.costsharing.domain;

import java.math.BigInteger;
import java.util.Objects;
import java.util.UUID;

/**
 * One partner's claim on a budget line: its weight under the line's key and, optionally, the least
 * ({@code floorCents}) and most ({@code capCents}, null for none) it may be charged.
 */
public record Claimant(UUID partnerId, BigInteger weight, long floorCents, Long capCents) {

    public Claimant {
        Objects.requireNonNull(partnerId, "partnerId");
        if (weight == null || weight.signum() < 0) {
            throw new IllegalArgumentException("A weight is zero or more");
        }
        if (floorCents < 0 || (capCents != null && capCents < floorCents)) {
            throw new IllegalArgumentException("Need 0 <= floor <= cap for partner " + partnerId);
        }
    }
}
