package eu.selfdata.mobility.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.mobility.MobilityCarbonModule;
import eu.selfdata.mobility.carbon.CityFactors;
import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.trace.PointStore;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceIngestion;
import eu.selfdata.mobility.trace.TraceLimits;
import eu.selfdata.mobility.transit.CityTransit;
import eu.selfdata.mobility.transit.GtfsLimits;
import eu.selfdata.mobility.transit.GtfsStore;
import eu.selfdata.mobility.transit.SyntheticGtfs;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.test.TestCity;
import eu.selfdata.usecase.test.TestModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled corpus ({@code src/test/resources/corpus}, written by {@link CorpusGenerator}) through
 * the real path: each case's file uploaded by a citizen of its own through {@link TraceIngestion}
 * into PostgreSQL (its city with the corpus' GTFS feed where the case has transit), its trips read
 * back from {@link Journeys} and compared with the manifest's truth. Prints the table per case (and
 * writes it to {@code target/corpus-report.md}); fails below the targets.
 */
class CorpusTest {

    static final double EXACT_COUNTS = 0.95;
    static final double RIGHT_MODES = 0.90;
    static final double RIGHT_DISTANCES = 0.95;
    /**
     * At a fix every 30 s, a leg's ends are known to ±15 s and a vehicle's corners between fixes are cut
     * (a car covers 300 m between two fixes): without a street map the distance target holds for legs
     * sampled every 10 s or more often, and 30 s legs must not fall below this (README, "Limit: fixes
     * every 30 s").
     */
    static final double RIGHT_DISTANCES_AT_30_S = 0.80;

    @TempDir
    Path dir;

    @Test
    void theCommittedCorpusIsWhatTheGeneratorWrites() {
        Network network = new Network(CorpusGenerator.NETWORK_SEED);
        network.gtfs()
                .forEach((name, content) ->
                        assertThat(resource("gtfs/" + name)).as(name).isEqualTo(content));
        List<CorpusCase> cases = CorpusGenerator.cases(network);
        for (CorpusCase corpusCase : cases) {
            assertThat(resource(corpusCase.file())).as(corpusCase.file()).isEqualTo(corpusCase.content());
        }
        assertThat(resource("manifest.json")).isEqualTo(CorpusGenerator.manifest(cases));
    }

    @Test
    void everyCaseThroughIngestionMeetsTheTargets() throws IOException {
        CorpusGenerator.Manifest manifest =
                JsonMapper.builder().build().readValue(resource("manifest.json"), CorpusGenerator.Manifest.class);
        Map<String, String> feed = new LinkedHashMap<>();
        for (String name :
                List.of("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt", "shapes.txt")) {
            feed.put(name, resource("gtfs/" + name));
        }
        City withTransit = City.create();
        new GtfsStore(withTransit.database(), GtfsLimits.DEFAULT).importFeed(SyntheticGtfs.zip(dir, feed), "corpus");
        City withoutTransit = City.create();

        List<CorpusScore> all = new ArrayList<>();
        List<CorpusScore> dense = new ArrayList<>();
        List<CorpusScore> sparse = new ArrayList<>();
        StringBuilder table = new StringBuilder(CorpusScore.header()).append('\n');
        for (CorpusGenerator.Manifest.Entry entry : manifest.cases()) {
            City city = entry.gtfs() ? withTransit : withoutTransit;
            CorpusScore score = CorpusScore.of(entry.id(), new Truth(entry.trips()), city.upload(entry));
            all.add(score);
            (entry.intervalS() <= 10 ? dense : sparse).add(score);
            table.append(score.row()).append('\n');
        }
        CorpusScore.Summary summary = CorpusScore.Summary.of(all);
        CorpusScore.Summary denseSummary = CorpusScore.Summary.of(dense);
        CorpusScore.Summary sparseSummary = CorpusScore.Summary.of(sparse);
        table.append("\nAll cases: ")
                .append(summary)
                .append("\nFixes every 1 to 10 s: ")
                .append(denseSummary)
                .append("\nFixes every 30 s: ")
                .append(sparseSummary)
                .append('\n');
        System.out.println(table);
        Files.writeString(Path.of("target", "corpus-report.md"), table);

        assertThat(summary.exactShare()).as("trip and leg counts exact").isGreaterThanOrEqualTo(EXACT_COUNTS);
        assertThat(summary.modeShare()).as("modes right").isGreaterThanOrEqualTo(RIGHT_MODES);
        assertThat(denseSummary.distanceShare())
                .as("distances within 5 %, fixes every 1 to 10 s")
                .isGreaterThanOrEqualTo(RIGHT_DISTANCES);
        assertThat(sparseSummary.distanceShare())
                .as("distances within 5 %, fixes every 30 s")
                .isGreaterThanOrEqualTo(RIGHT_DISTANCES_AT_30_S);
    }

    /** A city schema with the module's services, each case's upload by a citizen of its own. */
    private record City(TestCity database, TraceIngestion ingestion, Journeys journeys) {

        static City create() {
            TestCity database = TestCity.create(TestModule.of(MobilityCarbonModule.ID));
            PointStore points = new PointStore(database);
            Journeys journeys = new Journeys(
                    database,
                    SegmentationSettings.DEFAULT,
                    new CityFactors(database),
                    new CityTransit(database, new GtfsStore(database, GtfsLimits.DEFAULT)),
                    points);
            return new City(database, new TraceIngestion(database, points, journeys, TraceLimits.DEFAULT), journeys);
        }

        List<CorpusScore.Found> upload(CorpusGenerator.Manifest.Entry entry) {
            CitizenId citizen = new CitizenId(UUID.randomUUID());
            try (InputStream file = CorpusTest.class.getResourceAsStream("/corpus/" + entry.file())) {
                ingestion.ingest(citizen, TraceFormat.valueOf(entry.format()), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return journeys.list(citizen, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
                    .map(trip -> new CorpusScore.Found(
                            trip.startedAt(),
                            trip.endedAt(),
                            trip.legs().stream()
                                    .map(leg -> new CorpusScore.FoundLeg(
                                            leg.startedAt(), leg.endedAt(), leg.distanceM(), leg.mode()))
                                    .toList()))
                    .toList();
        }
    }

    private static String resource(String name) {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + name)) {
            assertThat(in).as("corpus file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
