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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Days of the corpus' kind with random seeds, not the committed ones: a trip in any mode, stops of
 * any length between two modes, walks to a car or a bike, any interval from 1 to 30 s, white or
 * drifting noise of 3–15 m, with or without jumps, Doppler speed, activity. Each day must give
 * trips in order whose legs tile them; over all tries, the counts, modes and distances must meet
 * their targets (a little below the corpus' own, as a random sample of a hundred days varies).
 */
class NoisyDaysProperties {

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

    @BeforeContainer
    static void network() throws IOException {
        network = new Network(CorpusGenerator.NETWORK_SEED);
        feed = Files.createTempDirectory("noisy-days");
        transit = new GtfsNetwork(GtfsFeed.read(SyntheticGtfs.zip(feed, network.gtfs()), GtfsLimits.DEFAULT));
    }

    @AfterContainer
    static void removeFeed() throws IOException {
        try (var files = Files.walk(feed)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Property(tries = 150)
    void randomDaysMeetTheTargets(@ForAll long seed) {
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
                trips.stream().map(NoisyDaysProperties::found).toList());
        String sampling = definition.receiver().intervalS() <= 10 ? "fixes every 1 to 10 s" : "fixes every 30 s";
        Statistics.label("counts exact").collect(score.countsExact());
        for (CorpusScore.LegScore leg : score.legs()) {
            Statistics.label("mode right").collect(leg.modeRight());
            Statistics.label("distance within 5 %, " + sampling).collect(leg.distanceRight());
        }
        Statistics.label("counts exact")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 92));
        Statistics.label("mode right").coverage(coverage -> coverage.check(true).percentage(p -> p >= 92));
        Statistics.label("distance within 5 %, fixes every 1 to 10 s")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 85));
        Statistics.label("distance within 5 %, fixes every 30 s")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 35));
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
