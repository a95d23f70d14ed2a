package eu.selfdata.governance.costsharing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Turns a key and the contributors into exact integer weights for the {@link Allocator}.
 * Fixed + variable with fixed part F = amount × p% (whole cents) and variable part V: share_i =
 * F/n + V × b_i/B, which is amount × W_i / ΣW with W_i = F×B + n×V×b_i.
 */
public final class KeyWeights {

    private KeyWeights() {}

    public static List<Claimant> claimants(CostSharingKey key, long amountCents, List<Contributor> contributors) {
        List<BigInteger> basis = contributors.stream()
                .map(contributor -> basis(key, contributor))
                .toList();
        BigInteger sum = basis.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (sum.signum() == 0) {
            basis = contributors.stream().map(contributor -> BigInteger.ONE).toList();
            sum = BigInteger.valueOf(contributors.size());
        }
        BigInteger n = BigInteger.valueOf(contributors.size());
        BigInteger fixed = BigInteger.valueOf(amountCents * key.fixedPercent() / 100);
        BigInteger variable = BigInteger.valueOf(amountCents).subtract(fixed);
        List<BigInteger> weights = basis;
        if (key.fixedPercent() > 0) {
            BigInteger total = sum;
            weights = basis.stream()
                    .map(b -> fixed.multiply(total).add(n.multiply(variable).multiply(b)))
                    .toList();
        }
        List<BigInteger> finalWeights = weights;
        return java.util.stream.IntStream.range(0, contributors.size())
                .mapToObj(i -> {
                    Contributor contributor = contributors.get(i);
                    return new Claimant(
                            contributor.partnerId(),
                            finalWeights.get(i),
                            key.floorsCents().getOrDefault(contributor.partnerId(), 0L),
                            key.capsCents().get(contributor.partnerId()));
                })
                .toList();
    }

    /** The contributor's basis value, scaled so that a solidarity coefficient stays an exact integer factor. */
    private static BigInteger basis(CostSharingKey key, Contributor contributor) {
        long value = switch (key.basis()) {
            case EQUAL -> 1;
            case POPULATION -> contributor.population();
            case ACTIVE_CITIZENS -> contributor.activeCitizens();
            case STORED_DATA -> contributor.storedBytes();
            case API_CALLS -> contributor.apiCalls();
        };
        CostSharingKey.Solidarity solidarity = key.solidarity();
        if (solidarity == null) {
            return BigInteger.valueOf(value);
        }
        BigDecimal coefficient = solidarity.coefficient().stripTrailingZeros();
        int scale = Math.max(0, coefficient.scale());
        boolean small = contributor.city() && contributor.population() < solidarity.populationBelow();
        BigInteger factor = small ? coefficient.movePointRight(scale).toBigIntegerExact() : BigInteger.TEN.pow(scale);
        return BigInteger.valueOf(value).multiply(factor);
    }
}
