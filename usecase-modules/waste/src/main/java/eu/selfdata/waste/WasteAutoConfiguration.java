package eu.selfdata.waste;

import eu.selfdata.connectors.CityJdbc;
import eu.selfdata.connectors.CityScope;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.outbound.OutboundGuard;
import eu.selfdata.connectors.outbound.OutboundHttp;
import eu.selfdata.connectors.ConnectorsAutoConfiguration;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.connectors.mqtt.MqttSource;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CurrentCitizen;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.waste.bin.BinClaimsController;
import eu.selfdata.waste.page.BinClaimsPage;
import eu.selfdata.waste.bin.BinLinkController;
import eu.selfdata.waste.bin.BinLinks;
import eu.selfdata.waste.bin.BinOwnership;
import eu.selfdata.waste.citizen.CityAverages;
import eu.selfdata.waste.citizen.WasteSummaryController;
import eu.selfdata.waste.opendata.CollectionCalendarController;
import eu.selfdata.waste.opendata.CollectionCalendarTemplate;
import eu.selfdata.waste.page.WastePage;
import eu.selfdata.waste.telemetry.CityBinsController;
import eu.selfdata.waste.bin.ImportConsentListener;
import eu.selfdata.waste.telemetry.FillReadings;
import eu.selfdata.waste.telemetry.SmartBinTelemetryTemplate;
import eu.selfdata.waste.weighing.WeighingImport;
import eu.selfdata.waste.weighing.WeighingLimits;
import eu.selfdata.waste.weighing.WeighingsFolderTemplate;
import eu.selfdata.waste.weighing.WeighingsSftpTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The waste module in its host: needs the host's city services and the connector framework. */
@AutoConfiguration(after = ConnectorsAutoConfiguration.class)
// Only in a host that provides the city services (tenant-service), not in any app that has the jar on its classpath.
@ConditionalOnBean(CityDatabase.class)
public class WasteAutoConfiguration {

    @Bean
    WasteModule wasteModule(CityDatabase database) {
        return new WasteModule(database);
    }

    @Bean
    BinLinks wasteBinLinks(CityJdbc jdbc, CityScope scope, Consents consents) {
        return new BinLinks(jdbc, scope, consents);
    }

    @Bean
    ImportConsentListener wasteImportConsentListener(BinLinks links) {
        return new ImportConsentListener(links);
    }

    @Bean
    WeighingImport wasteWeighingImport(CityJdbc jdbc, DeadLetters deadLetters, BinLinks links, CityScope scope, AccessLog accessLog,
                                       @Value("${selfdata.waste.weighings.max-file-bytes:1073741824}") long maxBytes,
                                       @Value("${selfdata.waste.weighings.max-rows:10000000}") long maxRows) {
        return new WeighingImport(jdbc, deadLetters, links, scope, accessLog, new WeighingLimits(maxBytes, maxRows));
    }

    @Bean
    WeighingsFolderTemplate wasteWeighingsFolderTemplate(WeighingImport weighingImport, CityFolders folders) {
        return new WeighingsFolderTemplate(weighingImport, folders);
    }

    @Bean
    BinOwnership wasteBinOwnership(CityDatabase city) {
        return new BinOwnership(city);
    }

    @Bean
    BinLinkController wasteBinLinkController(CityDatabase city, CurrentCitizen citizen, Consents consents, BinOwnership ownership) {
        return new BinLinkController(city, citizen, consents, ownership);
    }

    @Bean
    BinClaimsController wasteBinClaimsController(BinOwnership ownership) {
        return new BinClaimsController(ownership);
    }

    @Bean
    BinClaimsPage wasteBinClaimsPage(BinOwnership ownership) {
        return new BinClaimsPage(ownership);
    }

    @Bean
    CityAverages wasteCityAverages(CityAggregates aggregates, CityDatabase city) {
        return new CityAverages(aggregates, city, Clock.systemUTC());
    }

    @Bean
    WasteSummaryController wasteSummaryController(CityDatabase city, CurrentCitizen citizen, CityAverages averages) {
        return new WasteSummaryController(city, citizen, averages);
    }

    @Bean
    WastePage wastePage(WasteSummaryController summaries, BinLinkController bins, CollectionCalendarController calendar,
                        Consents consents, CurrentCitizen citizen) {
        return new WastePage(summaries, bins, calendar, consents, citizen);
    }

    @Bean
    CityBinsController wasteCityBinsController(CityDatabase city, FillReadings readings) {
        return new CityBinsController(city, readings);
    }

    @Bean
    CollectionCalendarTemplate wasteCollectionCalendarTemplate(CityJdbc jdbc, DeadLetters deadLetters, OutboundHttp http) {
        return new CollectionCalendarTemplate(jdbc, deadLetters, http);
    }

    @Bean
    CollectionCalendarController wasteCollectionCalendarController(CityDatabase city) {
        return new CollectionCalendarController(city, Clock.systemUTC());
    }

    @Bean
    FillReadings wasteFillReadings(CityJdbc jdbc) {
        return new FillReadings(jdbc);
    }

    @Bean
    SmartBinTelemetryTemplate wasteSmartBinTelemetryTemplate(FillReadings readings, MqttSource mqtt) {
        return new SmartBinTelemetryTemplate(readings, mqtt);
    }

    @Bean
    WeighingsSftpTemplate wasteWeighingsSftpTemplate(WeighingImport weighingImport, CityFolders folders, OutboundGuard outbound) {
        return new WeighingsSftpTemplate(weighingImport, folders, outbound);
    }
}
