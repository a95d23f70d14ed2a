package eu.selfdata.governance.costsharing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The allocation invariants, for any budget, partners, weights, floors and caps. */
class AllocatorProperties {

    @Property(tries = 2000)
    void sumsExactlyNonNegativeWithinBoundsOrReportsInfeasible(
            @ForAll @LongRange(max = 50_000_000_00L) long amount, @ForAll("claimants") List<Claimant> claimants) {
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

    @Property(tries = 1000)
    void withoutBoundsEachShareIsWithinOneCentOfItsExactShare(
            @ForAll @LongRange(max = 1_000_000_00L) long amount, @ForAll("weights") List<Long> weights) {
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

    @Property(tries = 500)
    void equalWeightsDifferByAtMostOneCentAndEarlierPartnersGetTheExtraCents(
            @ForAll @LongRange(max = 10_000_000L) long amount, @ForAll @IntRange(min = 1, max = 40) int partners) {
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

    @Provide
    Arbitrary<List<Claimant>> claimants() {
        Arbitrary<Long> weight = Arbitraries.oneOf(
                Arbitraries.just(0L),
                Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.longs().between(1, 10_000_000_000_000L));
        Arbitrary<Long> floor =
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 2_000_000_00L));
        Arbitrary<Long> capAboveFloor =
                Arbitraries.oneOf(Arbitraries.just(-1L), Arbitraries.longs().between(0, 2_000_000_00L));
        return Combinators.combine(weight, floor, capAboveFloor)
                .as(Bounds::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(bounds -> IntStream.range(0, bounds.size())
                        .mapToObj(i -> bounds.get(i).claimant(partner(i)))
                        .toList());
    }

    @Provide
    Arbitrary<List<Long>> weights() {
        return Arbitraries.longs().between(0, 100_000_000).list().ofMinSize(1).ofMaxSize(30);
    }

    private record Bounds(long weight, long floor, long capExtra) {
        Claimant claimant(UUID id) {
            return new Claimant(id, BigInteger.valueOf(weight), floor, capExtra < 0 ? null : floor + capExtra);
        }
    }

    private static UUID partner(int index) {
        return new UUID(0, index);
    }
}
