package eu.selfdata.mobility.bench;

import eu.selfdata.mobility.carbon.EmissionFactors;
import eu.selfdata.mobility.carbon.FactorSet;
import eu.selfdata.mobility.trip.Leg;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.mobility.trip.Segmenter;
import eu.selfdata.mobility.trip.SpeedModeRules;
import eu.selfdata.mobility.trip.SyntheticTrace;
import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.mobility.trip.TransitNetwork;
import eu.selfdata.mobility.trip.Trip;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Segmentation + mode inference + CO2e of an in-memory trace of {@value #POINTS} fixes (1 Hz, a
 * fortnight of days: stays, walks, rides and drives with drifting GPS error), on one thread. The
 * score is points per second: each invocation counts {@value #POINTS} operations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SegmentationBenchmark {

    static final int POINTS = 1_000_000;

    private Trace trace;
    private final Segmenter segmenter =
            new Segmenter(SegmentationSettings.DEFAULT, new SpeedModeRules(TransitNetwork.NONE));
    private final EmissionFactors factors = EmissionFactors.of(FactorSet.IMPACT_CO2_2025_10_16, 0, Map.of());

    @Setup(Level.Trial)
    public void trace() {
        trace = day(POINTS);
    }

    /** A realistic mix: stays of 5–60 min, then a walk, a bike ride or a drive, until enough fixes. */
    static Trace day(int points) {
        Random random = new Random(42);
        SyntheticTrace synthetic = SyntheticTrace.laRochelle(42);
        while (synthetic.size() < points) {
            synthetic.stay(Duration.ofMinutes(5 + random.nextInt(55)), 4 + random.nextDouble() * 6);
            double bearing = random.nextDouble() * 360;
            switch (random.nextInt(3)) {
                case 0 -> synthetic.move(300 + random.nextDouble() * 1500, bearing, 1.3, 0.3);
                case 1 -> synthetic.move(1000 + random.nextDouble() * 5000, bearing, 4.5, 1.5);
                default -> synthetic.move(2000 + random.nextDouble() * 20000, bearing, 13, 5);
            }
        }
        List<eu.selfdata.mobility.trace.TracePoint> all = synthetic.points().subList(0, points);
        Trace trace = new Trace(points);
        all.forEach(p -> trace.add(p.epochMilli(), p.lat(), p.lon(), p.accuracyM()));
        return trace;
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public long segmentInferAndCount() {
        long grams = 0;
        for (Trip trip : segmenter.segment(trace)) {
            for (Leg leg : trip.legs()) {
                grams += factors.co2eGrams(leg.mode(), leg.distanceM()).orElse(0);
            }
        }
        return grams;
    }
}
