package eu.selfdata.governance.costsharing.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Splits an amount of cents among claimants in proportion to their weights, within each one's floor
 * and cap, to the cent: the result always sums to the amount exactly.
 * <ol>
 *   <li>Bounds: shares are computed exactly (integer fractions); claimants whose share falls outside
 *   their bounds are pinned to the bound, the rest is shared again among the others. When both
 *   floors and caps are crossed, the side that moves more money is pinned first (the usual way to
 *   project a proportional split onto bounds).</li>
 *   <li>Rounding (largest remainder): each free claimant gets the whole cents of its share, and the
 *   cents left go one each to the largest fractional remainders, ties to the earlier claimant. Bounds
 *   are whole cents, so rounding never leaves them.</li>
 * </ol>
 * Claimants whose weights are all zero share equally.
 */
public final class Allocator {

    private Allocator() {}

    public static List<Allocation> allocate(long amountCents, List<Claimant> claimants) {
        if (amountCents < 0) {
            throw new IllegalArgumentException("The amount is zero or more");
        }
        if (claimants.isEmpty()) {
            if (amountCents == 0) {
                return List.of();
            }
            throw new InfeasibleAllocationException("Nobody to charge " + Cents.format(amountCents) + " to");
        }
        checkFeasible(amountCents, claimants);
        Map<Integer, Long> pinned = new HashMap<>();
        while (true) {
            List<Integer> free = IntStream.range(0, claimants.size())
                    .filter(i -> !pinned.containsKey(i))
                    .boxed()
                    .toList();
            BigInteger remaining = BigInteger.valueOf(amountCents
                    - pinned.values().stream().mapToLong(Long::longValue).sum());
            if (free.isEmpty()) {
                if (remaining.signum() != 0) {
                    throw new IllegalStateException("Bounds pinned every claimant and left " + remaining + " cents");
                }
                return result(claimants, pinned);
            }
            Map<Integer, BigInteger> weights = weights(claimants, free);
            BigInteger total = weights.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            // share_i = remaining * w_i / total; compare share_i with a bound b as remaining * w_i with b * total
            List<Integer> below = new ArrayList<>();
            List<Integer> above = new ArrayList<>();
            BigInteger excess = BigInteger.ZERO;
            for (int i : free) {
                BigInteger share = remaining.multiply(weights.get(i));
                BigInteger floor =
                        BigInteger.valueOf(claimants.get(i).floorCents()).multiply(total);
                Long cap = claimants.get(i).capCents();
                if (share.compareTo(floor) < 0) {
                    below.add(i);
                    excess = excess.add(floor.subtract(share));
                } else if (cap != null
                        && share.compareTo(BigInteger.valueOf(cap).multiply(total)) > 0) {
                    above.add(i);
                    excess = excess.subtract(
                            share.subtract(BigInteger.valueOf(cap).multiply(total)));
                }
            }
            if (below.isEmpty() && above.isEmpty()) {
                roundLargestRemainder(remaining, free, weights, total).forEach(pinned::put);
                return result(claimants, pinned);
            }
            if (excess.signum() >= 0) {
                below.forEach(i -> pinned.put(i, claimants.get(i).floorCents()));
            }
            if (excess.signum() <= 0) {
                above.forEach(i -> pinned.put(i, claimants.get(i).capCents()));
            }
        }
    }

    private static void checkFeasible(long amountCents, List<Claimant> claimants) {
        long floors = claimants.stream().mapToLong(Claimant::floorCents).sum();
        if (floors > amountCents) {
            throw new InfeasibleAllocationException("The floors add up to " + Cents.format(floors)
                    + ", more than the amount " + Cents.format(amountCents));
        }
        if (claimants.stream().allMatch(claimant -> claimant.capCents() != null)) {
            long caps = claimants.stream().mapToLong(Claimant::capCents).sum();
            if (caps < amountCents) {
                throw new InfeasibleAllocationException("The caps add up to " + Cents.format(caps)
                        + ", less than the amount " + Cents.format(amountCents));
            }
        }
    }

    private static Map<Integer, BigInteger> weights(List<Claimant> claimants, List<Integer> free) {
        boolean allZero = free.stream().allMatch(i -> claimants.get(i).weight().signum() == 0);
        Map<Integer, BigInteger> weights = new HashMap<>();
        free.forEach(
                i -> weights.put(i, allZero ? BigInteger.ONE : claimants.get(i).weight()));
        return weights;
    }

    private static Map<Integer, Long> roundLargestRemainder(
            BigInteger remaining, List<Integer> free, Map<Integer, BigInteger> weights, BigInteger total) {
        Map<Integer, Long> cents = new HashMap<>();
        Map<Integer, BigInteger> remainders = new HashMap<>();
        BigInteger given = BigInteger.ZERO;
        for (int i : free) {
            BigInteger[] division = remaining.multiply(weights.get(i)).divideAndRemainder(total);
            cents.put(i, division[0].longValueExact());
            remainders.put(i, division[1]);
            given = given.add(division[0]);
        }
        long left = remaining.subtract(given).longValueExact();
        free.stream()
                .sorted(Comparator.comparing((Integer i) -> remainders.get(i))
                        .reversed()
                        .thenComparing(i -> i))
                .limit(left)
                .forEach(i -> cents.merge(i, 1L, Long::sum));
        return cents;
    }

    private static List<Allocation> result(List<Claimant> claimants, Map<Integer, Long> cents) {
        return IntStream.range(0, claimants.size())
                .mapToObj(i -> new Allocation(claimants.get(i).partnerId(), cents.get(i)))
                .toList();
    }
}
