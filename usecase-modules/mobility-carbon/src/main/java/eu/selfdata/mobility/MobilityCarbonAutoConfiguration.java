package eu.selfdata.mobility;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.outbound.OutboundHttp;
import eu.selfdata.mobility.budget.BudgetController;
import eu.selfdata.mobility.budget.Budgets;
import eu.selfdata.mobility.carbon.CityFactors;
import eu.selfdata.mobility.carbon.FactorController;
import eu.selfdata.mobility.connector.GtfsFeedTemplate;
import eu.selfdata.mobility.connector.TraceDropTemplate;
import eu.selfdata.mobility.connector.TraceFileCopies;
import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.journey.TripController;
import eu.selfdata.mobility.journey.TripExportController;
import eu.selfdata.mobility.journey.TripExports;
import eu.selfdata.mobility.page.BasemapController;
import eu.selfdata.mobility.page.Basemaps;
import eu.selfdata.mobility.page.MobilityPage;
import eu.selfdata.mobility.takeout.TakeoutController;
import eu.selfdata.mobility.takeout.TakeoutImportData;
import eu.selfdata.mobility.takeout.TakeoutImports;
import eu.selfdata.mobility.takeout.TakeoutUploads;
import eu.selfdata.mobility.trace.PointStore;
import eu.selfdata.mobility.trace.TraceController;
import eu.selfdata.mobility.trace.TraceIngestion;
import eu.selfdata.mobility.trace.TraceLimits;
import eu.selfdata.mobility.transit.CityTransit;
import eu.selfdata.mobility.transit.GtfsLimits;
import eu.selfdata.mobility.transit.GtfsStore;
import eu.selfdata.mobility.trip.SegmentationSettings;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.usecase.api.limits.ZipLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Plugs the module into the platform: its {@link eu.selfdata.usecase.api.UseCaseModule}, its
 * services over the SPI's {@link CityDatabase}, and its controllers under
 * {@code /api/mobility-carbon/**} (the platform answers 404 there for cities without the module).
 */
@AutoConfiguration
// Only in a host that provides the city services (tenant-service), not in any app that has the jar on its classpath.
@ConditionalOnBean(CityDatabase.class)
@Import({
    TraceController.class,
    TripController.class,
    TripExportController.class,
    BasemapController.class,
    BudgetController.class,
    FactorController.class,
    MobilityProblemHandler.class,
    MobilityPage.class
})
public class MobilityCarbonAutoConfiguration {

    @Bean
    MobilityCarbonModule mobilityCarbonModule(
            CityDatabase database, TripExports exports, ObjectProvider<TakeoutImports> imports) {
        return new MobilityCarbonModule(database, exports, TakeoutImportData.of(database, imports.getIfAvailable()));
    }

    @Bean
    Basemaps mobilityBasemaps(CityDatabase database) {
        return new Basemaps(database);
    }

    @Bean
    TripExports mobilityTripExports(Journeys journeys, PointStore points) {
        return new TripExports(journeys, points);
    }

    @Bean
    PointStore mobilityPointStore(CityDatabase database) {
        return new PointStore(database);
    }

    @Bean
    CityFactors mobilityCityFactors(CityDatabase database) {
        return new CityFactors(database);
    }

    @Bean
    GtfsStore mobilityGtfsStore(
            CityDatabase database,
            @Value("${selfdata.mobility-carbon.gtfs.max-zip-entries:100}") int maxEntries,
            @Value("${selfdata.mobility-carbon.gtfs.max-entry-bytes:4294967296}") long maxEntryBytes,
            @Value("${selfdata.mobility-carbon.gtfs.max-total-bytes:6442450944}") long maxTotalBytes,
            @Value("${selfdata.mobility-carbon.gtfs.max-compression-ratio:200}") int maxRatio,
            @Value("${selfdata.mobility-carbon.gtfs.max-rows-per-file:30000000}") long maxRows) {
        return new GtfsStore(
                database, new GtfsLimits(new ZipLimits(maxEntries, maxEntryBytes, maxTotalBytes, maxRatio), maxRows));
    }

    @Bean
    CityTransit mobilityCityTransit(CityDatabase database, GtfsStore feeds) {
        return new CityTransit(database, feeds);
    }

    @Bean
    Journeys mobilityJourneys(CityDatabase database, CityFactors factors, CityTransit transit, PointStore points) {
        return new Journeys(database, SegmentationSettings.DEFAULT, factors, transit, points);
    }

    @Bean
    TraceIngestion mobilityTraceIngestion(
            CityDatabase database,
            PointStore points,
            Journeys journeys,
            @Value("${selfdata.mobility-carbon.max-upload-bytes:52428800}") long maxBytes,
            @Value("${selfdata.mobility-carbon.max-upload-points:2000000}") int maxPoints) {
        return new TraceIngestion(database, points, journeys, new TraceLimits(maxBytes, maxPoints));
    }

    /**
     * Takeout imports, run for a city outside a request through the host's {@link CityScope}:
     * uploads by tus into {@code storage}, imports on {@code concurrency} threads.
     */
    @Configuration(proxyBeanMethods = false)
    @Import(TakeoutController.class)
    static class Takeout {

        @Bean(destroyMethod = "close")
        TakeoutUploads mobilityTakeoutUploads(
                @Value("${selfdata.mobility-carbon.takeout.storage:${user.home}/.local/share/selfdata/takeout}")
                        Path storage,
                @Value("${selfdata.mobility-carbon.takeout.max-upload-bytes:2147483648}") long maxBytes,
                @Value("${selfdata.mobility-carbon.takeout.expiry:PT24H}") Duration expiry) {
            return new TakeoutUploads(storage, maxBytes, expiry);
        }

        @Bean(destroyMethod = "close")
        TakeoutImports mobilityTakeoutImports(
                CityDatabase database,
                PointStore points,
                Journeys journeys,
                Budgets budgets,
                TakeoutUploads uploads,
                CityScope scope,
                ObjectProvider<Clock> clock,
                @Value("${selfdata.mobility-carbon.takeout.concurrency:2}") int concurrency,
                @Value("${selfdata.mobility-carbon.takeout.max-points:20000000}") long maxPoints) {
            return new TakeoutImports(
                    database,
                    points,
                    journeys,
                    budgets,
                    uploads,
                    scope,
                    clock.getIfAvailable(Clock::systemUTC),
                    concurrency,
                    maxPoints);
        }
    }

    /** The module's connector templates, where the host runs the connector framework. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "eu.selfdata.connectors.ConnectorTemplate")
    static class Connectors {

        @Bean
        GtfsFeedTemplate mobilityGtfsFeedTemplate(GtfsStore feeds, CityScope scope, OutboundHttp http) {
            return new GtfsFeedTemplate(feeds, scope, http);
        }

        @Bean
        TraceDropTemplate mobilityTraceDropTemplate(
                TraceIngestion ingestion,
                Consents consents,
                AccessLog accessLog,
                CityScope scope,
                CityFolders folders) {
            return new TraceDropTemplate(ingestion, consents, accessLog, scope, folders);
        }

        @Bean
        TraceFileCopies mobilityTraceFileCopies(CityFolders folders, CityDatabase database) {
            return new TraceFileCopies(folders, database);
        }
    }

    @Bean
    Budgets mobilityBudgets(CityDatabase database, ObjectProvider<Clock> clock) {
        return new Budgets(database, clock.getIfAvailable(Clock::systemUTC));
    }
}
