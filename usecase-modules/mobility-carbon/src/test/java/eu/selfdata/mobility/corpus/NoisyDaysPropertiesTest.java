package eu.selfdata.mobility.corpus;

import static eu.selfdata.mobility.corpus.Gps.Noise.DRIFT;
import static eu.selfdata.mobility.corpus.Gps.Noise.WHITE;
import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.mobility.trace.TraceFiles;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceLimits;
import eu.selfdata.mobility.transit.GtfsFeed;
import eu.selfdata.mobility.transit.GtfsLimits;
import eu.selfdata.mobility.transit.GtfsNetwork;
import eu.selfdata.mobility.transit.SyntheticGtfs;
import eu.selfdata.mobility.trip.Leg;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.mobility.trip.Segmenter;
import eu.selfdata.mobility.trip.SpeedModeRules;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.mobility.trip.TransitNetwork;
import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.mobility.trip.Trip;
import eu.selfdata.testsupport.TestSeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Days of the corpus' kind with random seeds, not the committed ones: a trip in any mode, stops of
 * any length between two modes, walks to a car or a bike, any interval from 1 to 30 s, white or
 * drifting noise of 3–15 m, with or without jumps, Doppler speed, activity. Each day must give
 * trips in order whose legs tile them; over all tries, the counts, modes and distances must meet
 * their targets (a little below the corpus' own, as a random sample of a hundred days varies).
 * The days' seeds come from this run's seed ({@link TestSeed}): a failure names it to replay the run.
 */
class NoisyDaysPropertiesTest {

    private static final int DAYS = 150;

    private static final TravelMode[] MODES = {
        TravelMode.WALK,
        TravelMode.BIKE,
        TravelMode.EBIKE,
        TravelMode.CAR,
        TravelMode.BUS,
        TravelMode.TRAM,
        TravelMode.METRO,
        TravelMode.TRAIN
    };
    private static final TravelMode[] AROUND_STOPS = {TravelMode.WALK, TravelMode.BIKE, TravelMode.CAR};
    private static final int[] INTERVALS = {1, 5, 10, 30};

    private static Network network;
    private static TransitNetwork transit;
    private static Path feed;

    @BeforeAll
    static void network() throws IOException {
        network = new Network(CorpusGenerator.NETWORK_SEED);
        feed = Files.createTempDirectory("noisy-days");
        transit = new GtfsNetwork(GtfsFeed.read(SyntheticGtfs.zip(feed, network.gtfs()), GtfsLimits.DEFAULT));
    }

    @AfterAll
    static void removeFeed() throws IOException {
        try (var files = Files.walk(feed)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /**
     * 150 days, each a test of its own (the extreme seeds first, then seeds from the run's), then
     * the targets over all of them, checked once every day has run.
     */
    @TestFactory
    Stream<DynamicTest> randomDaysMeetTheTargets() {
        Tally tally = new Tally();
        SplittableRandom random = TestSeed.random();
        long[] seeds = IntStream.range(0, DAYS)
                .mapToLong(day -> switch (day) {
                    case 0 -> 0;
                    case 1 -> -1;
                    case 2 -> Long.MIN_VALUE;
                    case 3 -> Long.MAX_VALUE;
                    default -> random.nextLong();
                })
                .toArray();
        Stream<DynamicTest> days = IntStream.range(0, DAYS).mapToObj(day -> {
            String name = "day " + (day + 1) + ", seed " + seeds[day];
            return DynamicTest.dynamicTest(name, () -> {
                try {
                    day(seeds[day], tally);
                } catch (AssertionError | RuntimeException failure) {
                    throw TestSeed.failed(name, failure);
                }
            });
        });
        DynamicTest targets = DynamicTest.dynamicTest("targets over the " + DAYS + " days", () -> {
            SoftAssertions softly = new SoftAssertions();
            tally.atLeast(softly, "counts exact", 92);
            tally.atLeast(softly, "mode right", 92);
            tally.atLeast(softly, "distance within 5 %, fixes every 1 to 10 s", 85);
            tally.atLeast(softly, "distance within 5 %, fixes every 30 s", 35);
            softly.assertAll();
        });
        return Stream.concat(days, Stream.of(targets));
    }

    private static void day(long seed, Tally tally) {
        Random random = new Random(seed);
        CorpusGenerator.Definition definition = definition(random);
        CorpusCase day = CorpusGenerator.generate(definition, network, seed);
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

        List<Trip> trips = new Segmenter(
                        SegmentationSettings.DEFAULT,
                        new SpeedModeRules(definition.gtfs() ? transit : TransitNetwork.NONE))
                .segment(trace);

        for (int t = 0; t < trips.size(); t++) {
            Trip trip = trips.get(t);
            assertThat(trip.startMilli()).isLessThan(trip.endMilli());
            if (t > 0) {
                assertThat(trip.startMilli())
                        .isGreaterThanOrEqualTo(trips.get(t - 1).endMilli());
            }
            for (int l = 1; l < trip.legs().size(); l++) {
                assertThat(trip.legs().get(l).startMilli())
                        .isEqualTo(trip.legs().get(l - 1).endMilli());
            }
            assertThat(trip.legs().stream().mapToDouble(Leg::distanceM).sum())
                    .isCloseTo(trip.distanceM(), org.assertj.core.data.Offset.offset(0.01));
        }
        CorpusScore score = CorpusScore.of(
                definition.id(),
                day.truth(),
                trips.stream().map(NoisyDaysPropertiesTest::found).toList());
        String sampling = definition.receiver().intervalS() <= 10 ? "fixes every 1 to 10 s" : "fixes every 30 s";
        tally.collect("counts exact", score.countsExact());
        for (CorpusScore.LegScore leg : score.legs()) {
            tally.collect("mode right", leg.modeRight());
            tally.collect("distance within 5 %, " + sampling, leg.distanceRight());
        }
    }

    /** Per label, how many days or legs were right out of how many. */
    private static final class Tally {

        private final Map<String, int[]> rightAndAll = new TreeMap<>();

        void collect(String label, boolean right) {
            int[] counts = rightAndAll.computeIfAbsent(label, l -> new int[2]);
            counts[0] += right ? 1 : 0;
            counts[1]++;
        }

        void atLeast(SoftAssertions softly, String label, double percent) {
            int[] counts = rightAndAll.getOrDefault(label, new int[2]);
            double right = counts[1] == 0 ? 0 : 100.0 * counts[0] / counts[1];
            softly.assertThat(right)
                    .as("%s: %d of %d (%.1f %%), %s", label, counts[0], counts[1], right, TestSeed.replay())
                    .isGreaterThanOrEqualTo(percent);
        }
    }

    /** A random day: its plan, receiver and whether the city has its transit feed. */
    private static CorpusGenerator.Definition definition(Random random) {
        int interval = INTERVALS[random.nextInt(INTERVALS.length)];
        Gps.Receiver receiver = Gps.Receiver.of(
                        interval, random.nextBoolean() ? WHITE : DRIFT, 3 + 12 * random.nextDouble())
                .tau(30 + 90 * random.nextDouble());
        if (random.nextDouble() < 0.75) {
            receiver = receiver.withSpeed();
        }
        if (random.nextDouble() < 0.25) {
            receiver = receiver.withActivity();
        }
        if (random.nextDouble() < 0.3) {
            receiver = receiver.jumps(5 + 35 * random.nextDouble());
        }
        int kind = random.nextInt(3);
        if (kind == 0) {
            TravelMode mode = MODES[random.nextInt(MODES.length)];
            return new CorpusGenerator.Definition(
                    "random-" + mode, "one trip", TraceFormat.APP_JSON, true, receiver, CorpusGenerator.single(mode));
        }
        if (kind == 1) {
            TravelMode before = AROUND_STOPS[random.nextInt(AROUND_STOPS.length)];
            TravelMode after = AROUND_STOPS[random.nextInt(AROUND_STOPS.length)];
            Duration stop = Duration.ofSeconds(90 + random.nextInt(20 * 60));
            return new CorpusGenerator.Definition(
                    "random-stop",
                    "a stop between two modes",
                    TraceFormat.APP_JSON,
                    false,
                    receiver,
                    CorpusGenerator.aroundStop(before, stop, after));
        }
        TravelMode[] modes = random.nextBoolean()
                ? new TravelMode[] {TravelMode.WALK, TravelMode.CAR}
                : new TravelMode[] {TravelMode.WALK, TravelMode.BIKE, TravelMode.WALK};
        return new CorpusGenerator.Definition(
                "random-multimodal",
                "walk and ride",
                TraceFormat.APP_JSON,
                false,
                receiver,
                CorpusGenerator.multimodal(modes));
    }

    private static CorpusScore.Found found(Trip trip) {
        return new CorpusScore.Found(
                Instant.ofEpochMilli(trip.startMilli()),
                Instant.ofEpochMilli(trip.endMilli()),
                trip.legs().stream()
                        .map(leg -> new CorpusScore.FoundLeg(
                                Instant.ofEpochMilli(leg.startMilli()),
                                Instant.ofEpochMilli(leg.endMilli()),
                                leg.distanceM(),
                                leg.mode()))
                        .toList());
    }
}
