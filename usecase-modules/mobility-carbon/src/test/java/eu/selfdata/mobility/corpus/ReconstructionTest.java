package eu.selfdata.mobility.corpus;

import static eu.selfdata.mobility.corpus.Gps.Noise.DRIFT;
import static eu.selfdata.mobility.corpus.Gps.Noise.WHITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.selfdata.mobility.trace.TraceFiles;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceLimits;
import eu.selfdata.mobility.trip.Leg;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.mobility.trip.Segmenter;
import eu.selfdata.mobility.trip.SpeedModeRules;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.mobility.trip.TransitNetwork;
import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.mobility.trip.Trip;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The failures, one by one, on generated days with a known truth (positions only unless said). */
class ReconstructionTest {

    private static final Network NETWORK = new Network(CorpusGenerator.NETWORK_SEED);

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10, 30})
    void noiseAddsNoLengthToAWalkAtAnyInterval(int interval) {
        for (long seed = 1; seed <= 3; seed++) {
            Outcome walk = outcome(Gps.Receiver.of(interval, WHITE, 5), seed * 100 + interval, (s, day) -> {
                day.stay(Duration.ofMinutes(10), true);
                s.stroll(day, 1200);
                day.stay(Duration.ofMinutes(10), true);
            });

            assertThat(walk.trips()).hasSize(1);
            assertThat(walk.trips().getFirst().distanceM())
                    .isCloseTo(walk.trueDistanceM(), within(0.05 * walk.trueDistanceM()));
        }
    }

    @Test
    void aWalkAtFiveKilometresAnHourIsAWalk() {
        for (long seed = 1; seed <= 3; seed++) {
            Outcome walk = outcome(Gps.Receiver.of(5, WHITE, 8), seed, (s, day) -> {
                day.stay(Duration.ofMinutes(10), true);
                s.strollAt(day, 1500, 5 / 3.6);
                day.stay(Duration.ofMinutes(10), true);
            });

            assertThat(walk.modes()).containsExactly(TravelMode.WALK);
        }
    }

    @Test
    void aThreeMinuteWaitBetweenAWalkAndADriveIsNeitherATripEndNorAPhantomWalk() {
        for (long seed = 1; seed <= 3; seed++) {
            Outcome day = outcome(Gps.Receiver.of(10, WHITE, 15), seed, (s, d) -> {
                d.stay(Duration.ofMinutes(10), true);
                s.go(d, TravelMode.WALK, 450);
                d.pause(Duration.ofMinutes(3));
                s.go(d, TravelMode.CAR, 5000);
                d.stay(Duration.ofMinutes(10), true);
            });

            assertThat(day.trips()).hasSize(1);
            assertThat(day.modes()).containsExactly(TravelMode.WALK, TravelMode.CAR);
        }
    }

    @Test
    void aStopUnderTheDwellStaysInsideTheTripAndALongerOneEndsIt() {
        Outcome fourMinutes = outcome(
                Gps.Receiver.of(5, DRIFT, 8),
                4,
                CorpusGenerator.aroundStop(TravelMode.CAR, Duration.ofMinutes(4), TravelMode.CAR));
        Outcome sixMinutes = outcome(
                Gps.Receiver.of(5, DRIFT, 8),
                6,
                CorpusGenerator.aroundStop(TravelMode.CAR, Duration.ofMinutes(6), TravelMode.CAR));

        assertThat(fourMinutes.trips()).hasSize(1);
        assertThat(fourMinutes.modes()).containsExactly(TravelMode.CAR);
        assertThat(sixMinutes.trips()).hasSize(2);
    }

    @Test
    void aTunnelIsBridgedByTheStraightLineAndInventsNoLength() {
        Outcome drive = outcome(Gps.Receiver.of(10, WHITE, 8), 7, (s, day) -> {
            day.stay(Duration.ofMinutes(10), true);
            s.driveThroughTunnel(day, 2000);
            day.stay(Duration.ofMinutes(10), true);
        });

        assertThat(drive.trips()).hasSize(1);
        assertThat(drive.trips().getFirst().distanceM())
                .isBetween(0.95 * drive.trueDistanceM(), 1.01 * drive.trueDistanceM());
    }

    @Test
    void multipathJumpsAndBurstsAddNoLength() {
        Outcome drive = outcome(Gps.Receiver.of(1, WHITE, 5).jumps(60), 8, CorpusGenerator.single(TravelMode.CAR));
        Outcome walk = outcome(Gps.Receiver.of(5, DRIFT, 6).jumps(40), 9, CorpusGenerator.single(TravelMode.WALK));

        assertThat(drive.trips().getFirst().distanceM())
                .isCloseTo(drive.trueDistanceM(), within(0.03 * drive.trueDistanceM()));
        assertThat(walk.trips().getFirst().distanceM())
                .isCloseTo(walk.trueDistanceM(), within(0.05 * walk.trueDistanceM()));
    }

    @Test
    void aDayAtHomeWithWiFiPositionsAndJumpsIsNoTrip() {
        Outcome home =
                outcome(Gps.Receiver.of(30, DRIFT, 10).jumps(10), 10, (s, day) -> day.stay(Duration.ofHours(12), true));
        assertThat(home.trips()).isEmpty();
    }

    @Test
    void activityHintsTellACarCrawlingInTrafficFromABike() {
        CorpusGenerator.Plan crawl = (s, day) -> {
            day.stay(Duration.ofMinutes(10), true);
            s.goAt(day, TravelMode.CAR, 2500, 4);
            day.stay(Duration.ofMinutes(10), true);
        };

        assertThat(outcome(Gps.Receiver.of(5, WHITE, 5), 11, crawl).modes()).containsExactly(TravelMode.BIKE);
        assertThat(outcome(Gps.Receiver.of(5, WHITE, 5).withActivity(), 11, crawl)
                        .modes())
                .containsExactly(TravelMode.CAR);
    }

    private record Outcome(List<Trip> trips, Truth truth) {

        List<TravelMode> modes() {
            return trips.stream()
                    .flatMap(trip -> trip.legs().stream())
                    .map(Leg::mode)
                    .toList();
        }

        double trueDistanceM() {
            return truth.trips().stream()
                    .flatMap(trip -> trip.legs().stream())
                    .mapToDouble(Truth.Leg::distanceM)
                    .sum();
        }
    }

    private static Outcome outcome(Gps.Receiver receiver, long seed, CorpusGenerator.Plan plan) {
        CorpusCase day = CorpusGenerator.generate(
                new CorpusGenerator.Definition("test", "test", TraceFormat.APP_JSON, false, receiver, plan),
                NETWORK,
                seed);
        Trace trace = new Trace(day.fixes().size());
        TraceFiles.read(
                new ByteArrayInputStream(day.content().getBytes(StandardCharsets.UTF_8)),
                TraceFormat.APP_JSON,
                TraceLimits.DEFAULT,
                p -> trace.add(
                        p.epochMilli(),
                        p.lat(),
                        p.lon(),
                        p.accuracyM(),
                        p.speedMps(),
                        p.activity(),
                        p.activityConfidence()));
        return new Outcome(
                new Segmenter(SegmentationSettings.DEFAULT, new SpeedModeRules(TransitNetwork.NONE)).segment(trace),
                day.truth());
    }
}
