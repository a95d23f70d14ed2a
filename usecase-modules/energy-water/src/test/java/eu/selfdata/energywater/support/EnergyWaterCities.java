package eu.selfdata.energywater.support;

import eu.selfdata.energywater.EnergyWaterModule;
import eu.selfdata.energywater.EnergyWaterPurposes;
import eu.selfdata.energywater.alert.LeakAlerts;
import eu.selfdata.energywater.meter.Meter;
import eu.selfdata.energywater.meter.MeterIdentifier;
import eu.selfdata.energywater.meter.Meters;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.test.TestCities;
import eu.selfdata.usecase.test.TestConsents;
import eu.selfdata.usecase.test.TestMail;
import eu.selfdata.usecase.test.TestModule;
import java.time.LocalDate;
import java.util.UUID;

/** Cities migrated with the module's changelog on the shared test PostgreSQL, without Spring, and their consents. */
public final class EnergyWaterCities {

    public final TestCities cities = TestCities.onTestPostgres(TestModule.of(EnergyWaterModule.ID));
    public final TestConsents consents = new TestConsents();
    public final Meters meters = new Meters(cities, cities, consents);
    public final TestMail mail = new TestMail();
    public final LeakAlerts alerts = new LeakAlerts(cities, mail);

    public String onboard(String prefix) {
        return cities.onboard(TestCities.freshSlug(prefix));
    }

    /** A citizen of the city who consented to the fluid's imports and linked a meter. */
    public Meter meterOf(String city, CitizenId citizen, Fluid fluid, String identifier) {
        consents.give(citizen, EnergyWaterPurposes.importPurpose(fluid));
        return cities.asCitizen(
                city, citizen, () -> meters.link(citizen, MeterIdentifier.typed(fluid, identifier), null));
    }

    public static CitizenId someone() {
        return new CitizenId(UUID.randomUUID());
    }

    /** A stored day, as an import leaves it. */
    public void day(String city, Meter meter, CitizenId citizen, LocalDate day, Long wattHours, Long litres) {
        cities.platform()
                .sql("insert into " + cities.table(city, "ew_daily")
                        + " (meter_id, citizen_id, day, watt_hours, litres, source) values (?, ?, ?, ?, ?, 'FILE')")
                .params(meter.id(), citizen.value(), day, wattHours, litres)
                .update();
    }
}
