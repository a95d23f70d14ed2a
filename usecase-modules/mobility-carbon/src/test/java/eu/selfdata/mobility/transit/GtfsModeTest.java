package eu.selfdata.mobility.transit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.mobility.trip.Leg;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.mobility.trip.Segmenter;
import eu.selfdata.mobility.trip.SpeedModeRules;
import eu.selfdata.mobility.trip.SyntheticTrace;
import eu.selfdata.mobility.trip.TransitNetwork;
import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.mobility.trip.Trip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GtfsModeTest {

    @TempDir
    Path dir;

    @Test
    void aRideAlongTheBusShapeFromStopToStopIsABus() {
        SyntheticTrace ride = SyntheticTrace.laRochelle(31).stay(Duration.ofMinutes(7), 6);
        for (int stop = 1; stop <= 10; stop++) {
            ride.move(400, 90, 8, 5).stay(Duration.ofSeconds(25), 3);
        }
        ride.stay(Duration.ofMinutes(7), 6);

        assertThat(modes(ride, network())).containsExactly(TravelMode.BUS);
        assertThat(modes(ride, TransitNetwork.NONE)).doesNotContain(TravelMode.BUS);
    }

    @Test
    void aRideIsMeasuredAlongTheLineFromTheStopBoardedToTheStopLeft() {
        SyntheticTrace ride = SyntheticTrace.laRochelle(34).stay(Duration.ofMinutes(7), 6);
        for (int stop = 1; stop <= 6; stop++) {
            // sparse, noisy fixes: the track zigzags 30 m across the line
            ride.move(400, stop % 2 == 0 ? 85 : 95, 8, 5).stay(Duration.ofSeconds(25), 3);
        }
        ride.stay(Duration.ofMinutes(7), 6);

        List<Trip> trips =
                new Segmenter(SegmentationSettings.DEFAULT, new SpeedModeRules(network())).segment(ride.trace());

        Leg bus = trips.getFirst().legs().getFirst();
        assertThat(bus.mode()).isEqualTo(TravelMode.BUS);
        assertThat(bus.distanceM()).isCloseTo(2400, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aCarFromStopToStopOnOtherStreetsStaysACar() {
        SyntheticTrace drive = SyntheticTrace.laRochelle(32)
                .stay(Duration.ofMinutes(7), 6)
                .move(1000, 0, 12, 3)
                .move(4000, 90, 12, 3)
                .move(1000, 180, 12, 3)
                .stay(Duration.ofMinutes(7), 6);

        assertThat(modes(drive, network())).containsExactly(TravelMode.CAR);
    }

    @Test
    void aBikeAlongTheBusLineStaysABike() {
        SyntheticTrace bike = SyntheticTrace.laRochelle(33)
                .stay(Duration.ofMinutes(7), 6)
                .move(4000, 90, 4.5, 1)
                .stay(Duration.ofMinutes(7), 6);
        assertThat(modes(bike, network())).containsExactly(TravelMode.BIKE);
    }

    @Test
    void routeTypesMapToModes() {
        assertThat(GtfsNetwork.mode(0)).isEqualTo(TravelMode.TRAM);
        assertThat(GtfsNetwork.mode(2)).isEqualTo(TravelMode.TRAIN);
        assertThat(GtfsNetwork.mode(109)).isEqualTo(TravelMode.TRAIN);
        assertThat(GtfsNetwork.mode(3)).isEqualTo(TravelMode.BUS);
        assertThat(GtfsNetwork.mode(1)).isEqualTo(TravelMode.METRO);
        assertThat(GtfsNetwork.mode(4)).isEqualTo(TravelMode.UNKNOWN);
    }

    private GtfsNetwork network() {
        return new GtfsNetwork(GtfsFeed.read(SyntheticGtfs.zip(dir, SyntheticGtfs.files(3)), GtfsLimits.DEFAULT));
    }

    private static List<TravelMode> modes(SyntheticTrace trace, TransitNetwork network) {
        List<Trip> trips =
                new Segmenter(SegmentationSettings.DEFAULT, new SpeedModeRules(network)).segment(trace.trace());
        assertThat(trips).hasSize(1);
        return trips.getFirst().legs().stream().map(Leg::mode).toList();
    }
}
