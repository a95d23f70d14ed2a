package eu.selfdata.governance.costsharing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.testsupport.TestSeed;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allocation invariants, for any budget, partners, weights, floors and caps: the bounds first
 * (zero, one cent, the largest amount, floors or caps adding up to the amount exactly or a cent
 * off), then random cases from this run's seed ({@link TestSeed}), which a failure names to replay it.
 */
class AllocatorPropertiesTest {

    private static final long MAX_AMOUNT = 50_000_000_00L;
    private static final long MAX_WEIGHT = 10_000_000_000_000L;
    private static final long MAX_FLOOR = 2_000_000_00L;
    private static final int MAX_CLAIMANTS = 12;

    @ParameterizedTest
    @ExtendWith(TestSeed.class)
    @MethodSource("amountsAndClaimants")
    void sumsExactlyNonNegativeWithinBoundsOrReportsInfeasible(long amount, List<Claimant> claimants) {
        long floors = claimants.stream().mapToLong(Claimant::floorCents).sum();
        boolean allCapped = claimants.stream().allMatch(c -> c.capCents() != null);
        long caps = allCapped ? claimants.stream().mapToLong(Claimant::capCents).sum() : Long.MAX_VALUE;
        if (floors > amount || caps < amount) {
            assertThatThrownBy(() -> Allocator.allocate(amount, claimants))
                    .isInstanceOf(InfeasibleAllocationException.class)
                    .hasMessageContaining(floors > amount ? "floors add up to" : "caps add up to");
            return;
        }
        List<Allocation> allocations = Allocator.allocate(amount, claimants);
        assertThat(allocations).hasSameSizeAs(claimants);
        assertThat(allocations.stream().mapToLong(Allocation::cents).sum()).isEqualTo(amount);
        for (int i = 0; i < claimants.size(); i++) {
            Claimant claimant = claimants.get(i);
            Allocation allocation = allocations.get(i);
            assertThat(allocation.partnerId()).isEqualTo(claimant.partnerId());
            assertThat(allocation.cents()).isNotNegative().isGreaterThanOrEqualTo(claimant.floorCents());
            if (claimant.capCents() != null) {
                assertThat(allocation.cents()).isLessThanOrEqualTo(claimant.capCents());
            }
        }
    }

    @ParameterizedTest
    @ExtendWith(TestSeed.class)
    @MethodSource("amountsAndWeights")
    void withoutBoundsEachShareIsWithinOneCentOfItsExactShare(long amount, List<Long> weights) {
        List<Claimant> claimants = IntStream.range(0, weights.size())
                .mapToObj(i -> new Claimant(partner(i), BigInteger.valueOf(weights.get(i)), 0, null))
                .toList();
        List<Allocation> allocations = Allocator.allocate(amount, claimants);
        long total = weights.stream().mapToLong(Long::longValue).sum();
        for (int i = 0; i < weights.size(); i++) {
            // |cents × total − amount × weight| < total: the share is its exact value rounded down or up
            BigInteger exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(total == 0 ? 1 : weights.get(i)));
            BigInteger given = BigInteger.valueOf(allocations.get(i).cents())
                    .multiply(BigInteger.valueOf(total == 0 ? weights.size() : total));
            assertThat(given.subtract(exact).abs()).isLessThan(BigInteger.valueOf(total == 0 ? weights.size() : total));
        }
    }

    @ParameterizedTest
    @ExtendWith(TestSeed.class)
    @MethodSource("amountsAndPartners")
    void equalWeightsDifferByAtMostOneCentAndEarlierPartnersGetTheExtraCents(long amount, int partners) {
        List<Claimant> claimants = IntStream.range(0, partners)
                .mapToObj(i -> new Claimant(partner(i), BigInteger.ONE, 0, null))
                .toList();
        List<Long> cents = Allocator.allocate(amount, claimants).stream()
                .map(Allocation::cents)
                .toList();
        assertThat(cents).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(cents.getFirst() - cents.getLast()).isBetween(0L, 1L);
    }

    @Test
    void equalKeyOnThreePartnersFor100EurosGives3334And3333And3333() {
        List<Claimant> three = IntStream.range(0, 3)
                .mapToObj(i -> new Claimant(partner(i), BigInteger.ONE, 0, null))
                .toList();
        assertThat(Allocator.allocate(100_00, three))
                .extracting(Allocation::cents)
                .containsExactly(33_34L, 33_33L, 33_33L);
    }

    @Test
    void aCapMovesTheRestToTheOthersInProportion() {
        List<Claimant> claimants = List.of(
                new Claimant(partner(0), BigInteger.valueOf(8), 0, 500_00L),
                new Claimant(partner(1), BigInteger.valueOf(1), 0, null),
                new Claimant(partner(2), BigInteger.valueOf(1), 0, null));
        assertThat(Allocator.allocate(1000_00, claimants))
                .extracting(Allocation::cents)
                .containsExactly(500_00L, 250_00L, 250_00L);
    }

    @Test
    void aFloorIsPaidEvenWithoutWeight() {
        List<Claimant> claimants = List.of(
                new Claimant(partner(0), BigInteger.ZERO, 100_00, null),
                new Claimant(partner(1), BigInteger.ONE, 0, null));
        assertThat(Allocator.allocate(1000_00, claimants))
                .extracting(Allocation::cents)
                .containsExactly(100_00L, 900_00L);
    }

    @Test
    void floorsAboveTheAmountAreReportedWithTheFigures() {
        List<Claimant> claimants = List.of(
                new Claimant(partner(0), BigInteger.ONE, 60_00, null),
                new Claimant(partner(1), BigInteger.ONE, 50_00, null));
        assertThatThrownBy(() -> Allocator.allocate(100_00, claimants))
                .isInstanceOf(InfeasibleAllocationException.class)
                .hasMessage("The floors add up to 110.00, more than the amount 100.00");
    }

    @Test
    void capsBelowTheAmountAreReported() {
        List<Claimant> claimants = List.of(
                new Claimant(partner(0), BigInteger.ONE, 0, 10_00L),
                new Claimant(partner(1), BigInteger.ONE, 0, 20_00L));
        assertThatThrownBy(() -> Allocator.allocate(100_00, claimants))
                .isInstanceOf(InfeasibleAllocationException.class)
                .hasMessage("The caps add up to 30.00, less than the amount 100.00");
    }

    /** 2000 tries: amounts up to 50 million euros, 1 to 12 claimants with any weights, floors and caps. */
    static Stream<Arguments> amountsAndClaimants() {
        List<Arguments> cases = new ArrayList<>();
        Bounds free = new Bounds(1, 0, -1);
        cases.add(tried("nothing to share", 0, claimants(new Bounds(0, 0, -1))));
        cases.add(tried("one cent, all weights zero", 1, claimants(new Bounds(0, 0, -1), new Bounds(0, 0, -1))));
        cases.add(tried(
                "the largest amount, the largest weights",
                MAX_AMOUNT,
                claimants(Collections.nCopies(MAX_CLAIMANTS, new Bounds(MAX_WEIGHT, 0, -1)))));
        cases.add(tried("a floor without weight", MAX_AMOUNT, claimants(new Bounds(0, MAX_FLOOR, -1), free)));
        cases.add(tried("floors add up to the amount", 300, claimants(new Bounds(1, 100, -1), new Bounds(5, 200, -1))));
        cases.add(tried("floors one cent over", 299, claimants(new Bounds(1, 100, -1), new Bounds(5, 200, -1))));
        cases.add(tried("a floor over nothing", 0, claimants(new Bounds(1, 1, -1))));
        cases.add(tried("caps add up to the amount", 300, claimants(new Bounds(9, 0, 100), new Bounds(1, 0, 200))));
        cases.add(tried("caps one cent under", 301, claimants(new Bounds(9, 0, 100), new Bounds(1, 0, 200))));
        cases.add(tried("caps equal to floors", 300, claimants(new Bounds(1, 100, 0), new Bounds(1, 200, 0))));
        cases.add(tried(
                "caps and floors crossed",
                1_000_00,
                claimants(new Bounds(MAX_WEIGHT, 0, 10_00), new Bounds(0, 500_00, -1), new Bounds(1, 0, MAX_FLOOR))));
        SplittableRandom random = TestSeed.random();
        while (cases.size() < 2000) {
            int size = 1 + random.nextInt(MAX_CLAIMANTS);
            List<Bounds> bounds = Stream.generate(() -> new Bounds(
                            switch (random.nextInt(3)) {
                                case 0 -> 0L;
                                case 1 -> between(random, 1, 1_000_000);
                                default -> between(random, 1, MAX_WEIGHT);
                            },
                            random.nextBoolean() ? 0 : between(random, 0, MAX_FLOOR),
                            random.nextBoolean() ? -1 : between(random, 0, MAX_FLOOR)))
                    .limit(size)
                    .toList();
            cases.add(tried("random", between(random, 0, MAX_AMOUNT), claimants(bounds)));
        }
        return cases.stream();
    }

    /** 1000 tries: amounts up to a million euros, 1 to 30 weights up to 100 million, zero included. */
    static Stream<Arguments> amountsAndWeights() {
        long max = 100_000_000;
        List<Arguments> cases = new ArrayList<>();
        cases.add(tried("nothing to share", 0, List.of(0L)));
        cases.add(tried("one cent, one zero weight", 1, List.of(0L)));
        cases.add(tried("all weights zero", 1_000_000_00L, Collections.nCopies(30, 0L)));
        cases.add(tried("the largest amount and weights", 1_000_000_00L, Collections.nCopies(30, max)));
        cases.add(tried("one weight among zeros", 1_000_000_00L - 1, List.of(0L, 0L, max, 0L)));
        cases.add(tried("one cent among many", 1, List.of(1L, max, 1L, 0L)));
        SplittableRandom random = TestSeed.random();
        while (cases.size() < 1000) {
            List<Long> weights = Stream.generate(() -> switch (random.nextInt(10)) {
                        case 0 -> 0L;
                        case 1 -> max;
                        default -> between(random, 0, max);
                    })
                    .limit(1 + random.nextInt(30))
                    .toList();
            cases.add(tried("random", between(random, 0, 1_000_000_00L), weights));
        }
        return cases.stream();
    }

    /** 500 tries: amounts up to 100,000 euros among 1 to 40 equal partners. */
    static Stream<Arguments> amountsAndPartners() {
        long max = 10_000_000L;
        List<Arguments> cases = new ArrayList<>();
        for (long amount : new long[] {0, 1, 39, 40, 41, max - 1, max}) {
            for (int partners : new int[] {1, 2, 39, 40}) {
                cases.add(tried("bounds", amount, partners));
            }
        }
        SplittableRandom random = TestSeed.random();
        while (cases.size() < 500) {
            cases.add(tried("random", between(random, 0, max), 1 + random.nextInt(40)));
        }
        return cases.stream();
    }

    /** A case named by its kind and its figures (TestSeed adds the seed when it fails). */
    private static Arguments tried(String kind, long amount, List<?> claimants) {
        return Arguments.argumentSet(
                kind + ": " + amount + " cents, " + claimants.size() + " claimants", amount, claimants);
    }

    private static Arguments tried(String kind, long amount, int partners) {
        return Arguments.argumentSet(kind + ": " + amount + " cents, " + partners + " partners", amount, partners);
    }

    /**
     * From min to max: uniform half the time, otherwise with a random number of digits, so that
     * small figures (a few cents, a weight of 3) come up as often as large ones.
     */
    private static long between(SplittableRandom random, long min, long max) {
        long span = max - min;
        if (random.nextBoolean()) {
            return min + random.nextLong(span + 1);
        }
        long limit = 1;
        for (int digits = random.nextInt(Long.toString(span).length()); digits > 0; digits--) {
            limit *= 10;
        }
        return min + random.nextLong(Math.min(span, limit * 10 - 1) + 1);
    }

    private static List<Claimant> claimants(Bounds... bounds) {
        return claimants(List.of(bounds));
    }

    private static List<Claimant> claimants(List<Bounds> bounds) {
        return IntStream.range(0, bounds.size())
                .mapToObj(i -> bounds.get(i).claimant(partner(i)))
                .toList();
    }

    /** A claimant's weight, floor and what its cap adds to the floor (negative: no cap). */
    private record Bounds(long weight, long floor, long capExtra) {
        Claimant claimant(UUID id) {
            return new Claimant(id, BigInteger.valueOf(weight), floor, capExtra < 0 ? null : floor + capExtra);
        }
    }

    private static UUID partner(int index) {
        return new UUID(0, index);
    }
}
