package eu.selfdata.mobility.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private final Segmenter segmenter =
            new Segmenter(SegmentationSettings.DEFAULT, new SpeedModeRules(TransitNetwork.NONE));

    @Test
    void walkOfOnePointTwoKilometresIsOneWalkLegWithinFivePercentOfItsDistance() {
        SyntheticTrace walk = SyntheticTrace.laRochelle(1)
                .stay(Duration.ofMinutes(10), 8)
                .move(700, 40, 1.3, 0.2)
                .move(500, 120, 1.3, 0.2)
                .stay(Duration.ofMinutes(10), 8);

        List<Trip> trips = segmenter.segment(walk.trace());

        assertThat(trips).hasSize(1);
        assertThat(trips.getFirst().legs()).extracting(Leg::mode).containsExactly(TravelMode.WALK);
        assertThat(trips.getFirst().distanceM()).isCloseTo(1200, within(60.0));
        assertThat(trips.getFirst().first().distanceM()).isCloseTo(1200, within(60.0));
    }

    @Test
    void eightKilometresByCarWithATenMinuteStopInTheMiddleAreTwoCarTrips() {
        SyntheticTrace drive = SyntheticTrace.laRochelle(2)
                .stay(Duration.ofMinutes(8), 8)
                .move(4000, 90, 12, 3)
                .stay(Duration.ofMinutes(10), 8)
                .move(4000, 10, 12, 3)
                .stay(Duration.ofMinutes(8), 8);

        List<Trip> trips = segmenter.segment(drive.trace());

        assertThat(trips).hasSize(2);
        assertThat(trips).allSatisfy(trip -> {
            assertThat(trip.legs()).extracting(Leg::mode).containsExactly(TravelMode.CAR);
            assertThat(trip.distanceM()).isCloseTo(4000, within(200.0));
        });
    }

    @Test
    void twoHoursOfGpsNoiseAtHomeAreNoTrip() {
        SyntheticTrace home = SyntheticTrace.laRochelle(3).stay(Duration.ofHours(2), 12);
        assertThat(segmenter.segment(home.trace())).isEmpty();
    }

    @Test
    void noisyHomeWithInaccurateOutliersIsStillNoTrip() {
        SyntheticTrace home = SyntheticTrace.laRochelle(4).stay(Duration.ofMinutes(40), 10);
        for (int i = 0; i < 20; i++) {
            home.jump(400).stay(Duration.ofMinutes(3), 10);
        }
        assertThat(segmenter.segment(home.trace())).isEmpty();
    }

    @Test
    void aStopAtARedLightDoesNotSplitADrive() {
        SyntheticTrace drive = SyntheticTrace.laRochelle(5)
                .stay(Duration.ofMinutes(6), 8)
                .move(3000, 0, 13, 2)
                .stay(Duration.ofSeconds(90), 3)
                .move(3000, 0, 13, 2)
                .stay(Duration.ofMinutes(6), 8);

        List<Trip> trips = segmenter.segment(drive.trace());

        assertThat(trips).hasSize(1);
        assertThat(trips.getFirst().legs()).extracting(Leg::mode).containsExactly(TravelMode.CAR);
    }

    @Test
    void walkToTheCarThenDriveAreTwoLegsOfOneTrip() {
        SyntheticTrace trip = SyntheticTrace.laRochelle(6)
                .stay(Duration.ofMinutes(6), 8)
                .move(400, 180, 1.3, 0.2)
                .move(6000, 90, 13, 3)
                .stay(Duration.ofMinutes(6), 8);

        List<Trip> trips = segmenter.segment(trip.trace());

        assertThat(trips).hasSize(1);
        assertThat(trips.getFirst().legs()).extracting(Leg::mode).containsExactly(TravelMode.WALK, TravelMode.CAR);
        assertThat(trips.getFirst().legs().get(1).distanceM()).isCloseTo(6000, within(300.0));
    }

    @Test
    void bikeAndEBikeAreToldApartBySpeed() {
        SyntheticTrace bike = SyntheticTrace.laRochelle(7)
                .stay(Duration.ofMinutes(6), 8)
                .move(3000, 45, 4.5, 1)
                .stay(Duration.ofMinutes(6), 8)
                .move(5000, 225, 6.3, 0.5)
                .stay(Duration.ofMinutes(6), 8);

        assertThat(segmenter.segment(bike.trace()))
                .extracting(trip -> trip.first().mode())
                .containsExactly(TravelMode.BIKE, TravelMode.EBIKE);
    }

    @Test
    void aSilenceLongerThanTwelveHoursEndsATrip() {
        SyntheticTrace trace = SyntheticTrace.laRochelle(8)
                .stay(Duration.ofMinutes(6), 8)
                .move(2000, 0, 12, 2)
                .silence(Duration.ofHours(13))
                .move(2000, 0, 12, 2)
                .stay(Duration.ofMinutes(6), 8);

        assertThat(segmenter.segment(trace.trace())).hasSize(2);
    }

    @Test
    void aStillPhoneThatStopsRecordingIsAStay() {
        SyntheticTrace trace = SyntheticTrace.laRochelle(9)
                .stay(Duration.ofMinutes(6), 8)
                .move(3000, 0, 12, 2)
                .stay(Duration.ofSeconds(20), 5)
                .silence(Duration.ofMinutes(30))
                .stay(Duration.ofSeconds(20), 5)
                .move(3000, 180, 12, 2)
                .stay(Duration.ofMinutes(6), 8);

        assertThat(segmenter.segment(trace.trace())).hasSize(2);
    }

    @Test
    void anAccurateLookingJumpIsDroppedAndAddsNoDistance() {
        SyntheticTrace trace = SyntheticTrace.laRochelle(10)
                .stay(Duration.ofMinutes(6), 8)
                .move(1500, 0, 12, 2)
                .jump(5000)
                .move(1500, 0, 12, 2)
                .stay(Duration.ofMinutes(6), 8);

        List<Trip> trips = segmenter.segment(trace.trace());

        assertThat(trips).hasSize(1);
        assertThat(trips.getFirst().distanceM()).isCloseTo(3000, within(150.0));
    }
}
