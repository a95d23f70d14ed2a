package eu.selfdata.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.contract.CitySlug;
import eu.selfdata.mobility.budget.Budgets;
import eu.selfdata.mobility.budget.WeekStatement;
import eu.selfdata.mobility.carbon.CityFactors;
import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.journey.TripExports;
import eu.selfdata.mobility.journey.TripView;
import eu.selfdata.mobility.takeout.TakeoutImportData;
import eu.selfdata.mobility.trace.PointStore;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceIngestion;
import eu.selfdata.mobility.trace.TraceLimits;
import eu.selfdata.mobility.trace.TracePoint;
import eu.selfdata.mobility.transit.CityTransit;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.mobility.trip.SyntheticTrace;
import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.PersonalDataSource;
import eu.selfdata.usecase.test.TestCity;
import eu.selfdata.usecase.test.TestModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MobilityCarbonModuleTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T07:00:00Z");

    private final TestCity city = TestCity.create(TestModule.of(MobilityCarbonModule.ID));
    private final CityFactors factors = new CityFactors(city);
    private final PointStore points = new PointStore(city);
    private final Journeys journeys = new Journeys(
            city,
            SegmentationSettings.DEFAULT,
            factors,
            new CityTransit(
                    city,
                    new eu.selfdata.mobility.transit.GtfsStore(city, eu.selfdata.mobility.transit.GtfsLimits.DEFAULT)),
            points);
    private final TraceIngestion ingestion = new TraceIngestion(city, points, journeys, TraceLimits.DEFAULT);
    private final MobilityCarbonModule module =
            new MobilityCarbonModule(city, new TripExports(journeys, points), TakeoutImportData.of(city, null));
    private final CitizenId camille = new CitizenId(UUID.randomUUID());

    @Test
    void everyTableAboutACitizenIsExportedAndErasedByOneSource() {
        List<String> withCitizen = city.jdbc()
                .sql("""
                        select table_name from information_schema.columns where table_schema = :schema and column_name = 'citizen_id'""")
                .param("schema", CitySlug.of(city.city()).schemaName())
                .query(String.class)
                .list();
        List<String> declared = module.personalData().stream()
                .flatMap(source -> source.tables().stream())
                .toList();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(withCitizen);
    }

    @Test
    void erasureLeavesNoRowAboutTheCitizenAndKeepsOthers() {
        CitizenId other = new CitizenId(UUID.randomUUID());
        drive(camille, MONDAY_MORNING, 5000, 21);
        drive(other, MONDAY_MORNING, 5000, 22);

        city.transactions()
                .executeWithoutResult(status -> module.personalData().forEach(source -> source.erase(camille)));

        for (String table : List.of(
                "mobility_trace_point", "mobility_upload", "mobility_trip", "mobility_leg", "mobility_leg_emission")) {
            assertThat(city.jdbc()
                            .sql("select count(*) from " + table + " where citizen_id = :c")
                            .param("c", camille.value())
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
            assertThat(city.jdbc()
                            .sql("select count(*) from " + table + " where citizen_id = :c")
                            .param("c", other.value())
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isPositive();
        }
    }

    @Test
    void exportGivesPointsAndLegsWithTheirFactorVersion() {
        drive(camille, MONDAY_MORNING, 5000, 23);
        List<Map<String, Object>> rows = new ArrayList<>();
        PersonalDataSource trips = module.personalData().get(1);

        city.transactions()
                .executeWithoutResult(
                        status -> trips.export(camille, row -> rows.add(new java.util.LinkedHashMap<>(row))));

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst())
                .containsEntry("inferred_mode", "CAR")
                .containsEntry("factor_version", "impactco2-2025-10-16@r0");
    }

    @Test
    void aFactorChangeRecomputesTotalsAndOldResultsKeepTheirVersion() {
        drive(camille, MONDAY_MORNING, 10_000, 24);
        TripView before = journeys.list(camille, Instant.EPOCH, Instant.now()).getFirst();
        long legId = before.legs().getFirst().id();

        factors.choose("base-carbone-coach-co2", Map.of());
        int recomputed = journeys.recomputeAll();

        TripView after = journeys.list(camille, Instant.EPOCH, Instant.now()).getFirst();
        assertThat(recomputed).isEqualTo(1);
        assertThat(after.legs().getFirst().factorVersion()).isEqualTo("base-carbone-coach-co2@r1");
        assertThat(after.co2eG())
                .isEqualTo(Math.round(before.distanceM() * 192 / 1000.0))
                .isLessThan(before.co2eG());
        assertThat(journeys.history(camille, legId))
                .extracting(Journeys.EmissionRecord::factorVersion, Journeys.EmissionRecord::co2eG)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("impactco2-2025-10-16@r0", before.co2eG()),
                        org.assertj.core.groups.Tuple.tuple("base-carbone-coach-co2@r1", after.co2eG()));
        assertThat(city.jdbc()
                        .sql("select factors from mobility_factor_version where version = 'impactco2-2025-10-16@r0'")
                        .query(String.class)
                        .single())
                .contains("CAR=217.6");
    }

    @Test
    void budgetOverSeveralWeeksReflectsACorrection() {
        drive(camille, MONDAY_MORNING, 100_000, 25);
        drive(camille, MONDAY_MORNING.plus(Duration.ofDays(7)), 10_000, 26);
        drive(camille, MONDAY_MORNING.plus(Duration.ofDays(14)), 5_000, 27);
        Budgets budgets = new Budgets(city, Clock.fixed(MONDAY_MORNING.plus(Duration.ofDays(15)), ZoneOffset.UTC));

        List<WeekStatement> weeks = budgets.of(camille).weeks().reversed();
        assertThat(weeks).extracting(WeekStatement::closed).containsExactly(true, true, false);
        assertThat(weeks.get(0).credits()).isZero();
        long usedSecondWeek = weeks.get(1).usedG();
        assertThat(weeks.get(1).credits()).isEqualTo((20_000 - usedSecondWeek) * 10 / 1000);

        long legOfSecondWeek = journeys.list(
                        camille, MONDAY_MORNING.plus(Duration.ofDays(7)), MONDAY_MORNING.plus(Duration.ofDays(8)))
                .getFirst()
                .legs()
                .getFirst()
                .id();
        journeys.correct(camille, legOfSecondWeek, TravelMode.TRAIN);

        Budgets.BudgetView corrected = budgets.of(camille);
        WeekStatement secondWeek = corrected.weeks().reversed().get(1);
        assertThat(secondWeek.usedG()).isLessThan(usedSecondWeek);
        assertThat(secondWeek.credits()).isEqualTo((20_000 - secondWeek.usedG()) * 10 / 1000);
        assertThat(corrected.totalCredits()).isEqualTo(secondWeek.credits());
    }

    private void drive(CitizenId citizen, Instant start, double metres, long seed) {
        SyntheticTrace trace = new SyntheticTrace(seed, start, 46.1558, -1.1532)
                .stay(Duration.ofMinutes(8), 8)
                .move(metres, 80, 14, 3)
                .stay(Duration.ofMinutes(8), 8);
        ingestion.ingest(citizen, TraceFormat.APP_JSON, new ByteArrayInputStream(json(trace.points())));
    }

    private static byte[] json(List<TracePoint> points) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < points.size(); i++) {
            TracePoint p = points.get(i);
            json.append(i > 0 ? "," : "")
                    .append("{\"lat\":")
                    .append(p.lat())
                    .append(",\"lon\":")
                    .append(p.lon())
                    .append(",\"time\":")
                    .append(p.epochMilli())
                    .append(",\"accuracy\":")
                    .append(p.accuracyM())
                    .append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
