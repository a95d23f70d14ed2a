package eu.selfdata.energywater;

import eu.selfdata.connectors.ConnectorsAutoConfiguration;
import eu.selfdata.energywater.alert.LeakAlertController;
import eu.selfdata.energywater.alert.LeakAlerts;
import eu.selfdata.energywater.consumption.Consumption;
import eu.selfdata.energywater.consumption.ConsumptionController;
import eu.selfdata.energywater.consumption.LoadCurve;
import eu.selfdata.energywater.importing.ImportController;
import eu.selfdata.energywater.importing.ImportLimits;
import eu.selfdata.energywater.importing.ReadingImport;
import eu.selfdata.energywater.meter.ImportConsentListener;
import eu.selfdata.energywater.meter.MeterController;
import eu.selfdata.energywater.meter.Meters;
import eu.selfdata.energywater.page.EnergyWaterPage;
import eu.selfdata.energywater.price.EmissionFactors;
import eu.selfdata.energywater.price.PriceController;
import eu.selfdata.energywater.price.Tariffs;
import eu.selfdata.usecase.api.CitizenMail;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CityScope;
import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.usecase.api.CurrentCitizen;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The energy-water module in its host: needs the host's city services ({@code usecase-api}) and the connector
 * framework. Services hold the SQL; the API's controllers share them.
 */
@AutoConfiguration(after = ConnectorsAutoConfiguration.class)
// Only in a host that provides the city services (tenant-service), not in any app that has the jar on its classpath.
@ConditionalOnBean(CityDatabase.class)
public class EnergyWaterAutoConfiguration {

    @Bean
    EnergyWaterModule energyWaterModule(CityDatabase database) {
        return new EnergyWaterModule(database);
    }

    @Bean
    EnergyWaterProblemHandler energyWaterProblemHandler() {
        return new EnergyWaterProblemHandler();
    }

    @Bean
    Meters energyWaterMeters(CityDatabase city, CityScope scope, Consents consents) {
        return new Meters(city, scope, consents);
    }

    @Bean
    ImportConsentListener energyWaterImportConsentListener(Meters meters) {
        return new ImportConsentListener(meters);
    }

    @Bean
    MeterController energyWaterMeterController(Meters meters, CurrentCitizen citizen) {
        return new MeterController(meters, citizen);
    }

    @Bean
    ReadingImport energyWaterReadingImport(
            CityDatabase city,
            Meters meters,
            LeakAlerts alerts,
            @Value("${selfdata.energy-water.import.max-file-bytes:67108864}") long maxBytes,
            @Value("${selfdata.energy-water.import.max-rows:2000000}") long maxRows) {
        return new ReadingImport(city, meters, alerts, new ImportLimits(maxBytes, maxRows));
    }

    @Bean
    LeakAlerts energyWaterLeakAlerts(CityDatabase city, CitizenMail mail) {
        return new LeakAlerts(city, mail);
    }

    @Bean
    LeakAlertController energyWaterLeakAlertController(LeakAlerts alerts, CurrentCitizen citizen) {
        return new LeakAlertController(alerts, citizen);
    }

    @Bean
    ImportController energyWaterImportController(ReadingImport readingImport, CurrentCitizen citizen) {
        return new ImportController(readingImport, citizen);
    }

    @Bean
    Tariffs energyWaterTariffs(CityDatabase city) {
        return new Tariffs(city, Tariffs.shippedReference());
    }

    @Bean
    EmissionFactors energyWaterEmissionFactors() {
        return EmissionFactors.shipped();
    }

    @Bean
    PriceController energyWaterPriceController(Tariffs tariffs, EmissionFactors factors, CityStaff staff) {
        return new PriceController(tariffs, factors, staff);
    }

    @Bean
    Consumption energyWaterConsumption(CityDatabase city, Tariffs tariffs, EmissionFactors factors) {
        return new Consumption(city, tariffs, factors);
    }

    @Bean
    LoadCurve energyWaterLoadCurve(CityDatabase city, Meters meters) {
        return new LoadCurve(city, meters);
    }

    @Bean
    EnergyWaterPage energyWaterPage(
            Consumption consumption,
            Meters meters,
            ReadingImport readingImport,
            Tariffs tariffs,
            EmissionFactors factors,
            LeakAlerts alerts,
            Consents consents,
            CurrentCitizen citizen) {
        return new EnergyWaterPage(
                consumption, meters, readingImport, tariffs, factors, alerts, consents, citizen, Clock.systemUTC());
    }

    @Bean
    ConsumptionController energyWaterConsumptionController(
            Consumption consumption, LoadCurve curve, CurrentCitizen citizen) {
        return new ConsumptionController(consumption, curve, citizen, Clock.systemUTC());
    }
}
