package eu.selfdata.mobility.trip;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.testsupport.TestSeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmenterPropertiesTest {

    private final Segmenter segmenter =
            new Segmenter(SegmentationSettings.DEFAULT, new SpeedModeRules(TransitNetwork.NONE));

    /** Random days: stays and moves of random lengths, speeds and bearings; noise adds at most 10 %. */
    @ParameterizedTest
    @ExtendWith(TestSeed.class)
    @MethodSource("days")
    void tripsAreOrderedDisjointAndTheirLegsTileThem(long seed, int moves) {
        java.util.Random random = new java.util.Random(seed);
        SyntheticTrace day = SyntheticTrace.laRochelle(seed).stay(Duration.ofMinutes(6), 8);
        for (int i = 0; i < moves; i++) {
            day.move(
                            100 + random.nextDouble() * 5000,
                            random.nextDouble() * 360,
                            0.8 + random.nextDouble() * 20,
                            random.nextDouble() * 3)
                    .stay(Duration.ofSeconds(random.nextInt(900)), 3 + random.nextDouble() * 10);
        }

        List<Trip> trips = segmenter.segment(day.trace());

        for (int t = 0; t < trips.size(); t++) {
            Trip trip = trips.get(t);
            assertThat(trip.startMilli()).isLessThan(trip.endMilli());
            if (t > 0) {
                assertThat(trip.startMilli())
                        .isGreaterThanOrEqualTo(trips.get(t - 1).endMilli());
            }
            assertThat(trip.first().startMilli()).isEqualTo(trip.startMilli());
            assertThat(trip.last().endMilli()).isEqualTo(trip.endMilli());
            for (int l = 1; l < trip.legs().size(); l++) {
                assertThat(trip.legs().get(l).startMilli())
                        .isEqualTo(trip.legs().get(l - 1).endMilli());
            }
            assertThat(trip.legs().stream().mapToDouble(Leg::distanceM).sum())
                    .isCloseTo(trip.distanceM(), org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(trips.stream().mapToDouble(Trip::distanceM).sum()).isLessThanOrEqualTo(day.movedM() * 1.1 + 100);
    }

    /**
     * 60 days: one and eight moves on the extreme seeds first, then days whose seed and number of
     * moves (1 to 8) come from this run's seed ({@link TestSeed}).
     */
    static Stream<Arguments> days() {
        List<Arguments> days = new ArrayList<>();
        for (long seed : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            days.add(Arguments.of(seed, 1));
            days.add(Arguments.of(seed, 8));
        }
        SplittableRandom random = TestSeed.random();
        while (days.size() < 60) {
            days.add(Arguments.of(random.nextLong(), 1 + random.nextInt(8)));
        }
        return days.stream();
    }
}
