package eu.selfdata.waste;

import eu.selfdata.connectors.ConnectorsAutoConfiguration;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.mqtt.MqttSource;
import eu.selfdata.connectors.outbound.OutboundGuard;
import eu.selfdata.connectors.outbound.OutboundHttp;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.CityAggregates;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.CityTransactions;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.usecase.api.CurrentCitizen;
import eu.selfdata.waste.bin.BinClaimsController;
import eu.selfdata.waste.bin.BinLinkController;
import eu.selfdata.waste.bin.BinLinks;
import eu.selfdata.waste.bin.BinOwnership;
import eu.selfdata.waste.bin.CitizenBins;
import eu.selfdata.waste.bin.ImportConsentListener;
import eu.selfdata.waste.citizen.CityAverages;
import eu.selfdata.waste.citizen.WasteSummaries;
import eu.selfdata.waste.citizen.WasteSummaryController;
import eu.selfdata.waste.opendata.CollectionCalendar;
import eu.selfdata.waste.opendata.CollectionCalendarController;
import eu.selfdata.waste.opendata.CollectionCalendarTemplate;
import eu.selfdata.waste.page.BinClaimsPage;
import eu.selfdata.waste.page.WastePage;
import eu.selfdata.waste.telemetry.CityBinsController;
import eu.selfdata.waste.telemetry.FillReadings;
import eu.selfdata.waste.telemetry.SmartBinTelemetryTemplate;
import eu.selfdata.waste.weighing.WeighingImport;
import eu.selfdata.waste.weighing.WeighingLimits;
import eu.selfdata.waste.weighing.WeighingsFolderTemplate;
import eu.selfdata.waste.weighing.WeighingsSftpTemplate;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The waste module in its host: needs the host's city services ({@code usecase-api}) and the
 * connector framework. Services hold the SQL; the API's controllers and the portal page share them.
 */
@AutoConfiguration(after = ConnectorsAutoConfiguration.class)
// Only in a host that provides the city services (tenant-service), not in any app that has the jar on its classpath.
@ConditionalOnBean(CityDatabase.class)
public class WasteAutoConfiguration {

    @Bean
    WasteModule wasteModule(CityDatabase database) {
        return new WasteModule(database);
    }

    @Bean
    CitizenBins wasteCitizenBins(CityDatabase city, Consents consents, BinOwnership ownership) {
        return new CitizenBins(city, consents, ownership);
    }

    @Bean
    BinOwnership wasteBinOwnership(CityDatabase city) {
        return new BinOwnership(city);
    }

    @Bean
    BinClaimsController wasteBinClaimsController(BinOwnership ownership, CityStaff staff) {
        return new BinClaimsController(ownership, staff);
    }

    @Bean
    BinClaimsPage wasteBinClaimsPage(BinOwnership ownership, CityStaff staff) {
        return new BinClaimsPage(ownership, staff);
    }

    @Bean
    BinLinks wasteBinLinks(CityTransactions transactions, CityScope scope, Consents consents) {
        return new BinLinks(transactions, scope, consents);
    }

    @Bean
    ImportConsentListener wasteImportConsentListener(BinLinks links) {
        return new ImportConsentListener(links);
    }

    @Bean
    WeighingImport wasteWeighingImport(
            CityTransactions transactions,
            DeadLetters deadLetters,
            BinLinks links,
            CityScope scope,
            AccessLog accessLog,
            @Value("${selfdata.waste.weighings.max-file-bytes:1073741824}") long maxBytes,
            @Value("${selfdata.waste.weighings.max-rows:10000000}") long maxRows) {
        return new WeighingImport(
                transactions, deadLetters, links, scope, accessLog, new WeighingLimits(maxBytes, maxRows));
    }

    @Bean
    WeighingsFolderTemplate wasteWeighingsFolderTemplate(WeighingImport weighingImport, CityFolders folders) {
        return new WeighingsFolderTemplate(weighingImport, folders);
    }

    @Bean
    WeighingsSftpTemplate wasteWeighingsSftpTemplate(
            WeighingImport weighingImport, CityFolders folders, OutboundGuard outbound) {
        return new WeighingsSftpTemplate(weighingImport, folders, outbound);
    }

    @Bean
    BinLinkController wasteBinLinkController(CitizenBins bins, CurrentCitizen citizen) {
        return new BinLinkController(bins, citizen);
    }

    @Bean
    CityAverages wasteCityAverages(CityAggregates aggregates) {
        return new CityAverages(aggregates);
    }

    @Bean
    WasteSummaries wasteSummaries(CityDatabase city, CityAverages averages) {
        return new WasteSummaries(city, averages);
    }

    @Bean
    WasteSummaryController wasteSummaryController(WasteSummaries summaries, CurrentCitizen citizen) {
        return new WasteSummaryController(summaries, citizen);
    }

    @Bean
    CollectionCalendar wasteCollectionCalendar(CityDatabase city) {
        return new CollectionCalendar(city, Clock.systemUTC());
    }

    @Bean
    CollectionCalendarController wasteCollectionCalendarController(CollectionCalendar calendar) {
        return new CollectionCalendarController(calendar);
    }

    @Bean
    CollectionCalendarTemplate wasteCollectionCalendarTemplate(
            CityTransactions transactions, DeadLetters deadLetters, OutboundHttp http) {
        return new CollectionCalendarTemplate(transactions, deadLetters, http);
    }

    @Bean
    WastePage wastePage(
            WasteSummaries summaries,
            CitizenBins bins,
            CollectionCalendar calendar,
            Consents consents,
            CurrentCitizen citizen) {
        return new WastePage(summaries, bins, calendar, consents, citizen);
    }

    @Bean
    FillReadings wasteFillReadings(CityTransactions transactions, CityDatabase city) {
        return new FillReadings(transactions, city);
    }

    @Bean
    CityBinsController wasteCityBinsController(FillReadings readings, CityStaff staff) {
        return new CityBinsController(readings, staff);
    }

    @Bean
    SmartBinTelemetryTemplate wasteSmartBinTelemetryTemplate(FillReadings readings, MqttSource mqtt) {
        return new SmartBinTelemetryTemplate(readings, mqtt);
    }
}
