package eu.selfdata.energywater.consumption;

import static eu.selfdata.energywater.support.EnergyWaterCities.someone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.selfdata.energywater.consumption.ConsumptionReport.FluidSeries;
import eu.selfdata.energywater.consumption.ConsumptionReport.Period;
import eu.selfdata.energywater.meter.Meter;
import eu.selfdata.energywater.price.EmissionFactors;
import eu.selfdata.energywater.price.Tariffs;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.energywater.support.EnergyWaterCities;
import eu.selfdata.usecase.api.CitizenId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * Consumption per period, priced with the shipped reference (electricity 0.1940 €/kWh from 2026-02-01, gas
 * 0.10192 €/kWh from 2026-01-01, water 4.34 €/m³) and counted with the shipped factors (electricity 0.052, gas
 * 0.205 kg CO2e/kWh, water none); every expected figure is worked out beside it.
 */
class ConsumptionTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private final EnergyWaterCities fixture = new EnergyWaterCities();
    private final Tariffs tariffs = new Tariffs(fixture.cities, Tariffs.shippedReference());
    private final Consumption consumption = new Consumption(fixture.cities, tariffs, EmissionFactors.shipped());
    private String city;
    private CitizenId camille;

    @BeforeEach
    void aHouseholdWithThreeMeters() {
        city = fixture.onboard("lyon");
        camille = someone();
        Meter electricity = fixture.meterOf(city, camille, Fluid.ELECTRICITY, "12345678901234");
        Meter gas = fixture.meterOf(city, camille, Fluid.GAS, "GI123456");
        Meter water = fixture.meterOf(city, camille, Fluid.WATER, "W-123456");
        fixture.day(city, electricity, camille, MARCH_1, 10_000L, null);
        fixture.day(city, electricity, camille, LocalDate.of(2026, 3, 2), 12_500L, null);
        fixture.day(city, electricity, camille, LocalDate.of(2026, 4, 10), 8_000L, null);
        fixture.day(city, electricity, camille, LocalDate.of(2025, 3, 5), 9_000L, null);
        fixture.day(city, gas, camille, MARCH_1, 50_000L, 4_500L);
        fixture.day(city, water, camille, MARCH_1, null, 150L);
        fixture.day(city, water, camille, LocalDate.of(2026, 3, 2), null, 130L);
    }

    @Test
    void monthsOfEachFluidArePricedAndCountedBesideLastYear() {
        ConsumptionReport report = report(Granularity.MONTH, MARCH_1, LocalDate.of(2026, 4, 30));

        FluidSeries electricity = fluid(report, Fluid.ELECTRICITY);
        Period march = electricity.series().periods().getFirst();
        assertThat(march.start()).isEqualTo(MARCH_1);
        // 10 + 12.5 kWh; 22.5 × 0.1940 = 4.365 €; 22.5 × 0.052 = 1.17 kg
        assertAmount(march.amount(), "22.500", "4.37", "1.170", 2);
        // March 2025: 9 kWh, priced with the oldest price there is: 9 × 0.1940 = 1.746 €; 9 × 0.052 = 0.468 kg
        assertAmount(march.lastYear(), "9.000", "1.75", "0.468", 1);
        // April: 8 kWh; 1.552 €; 0.416 kg; nothing in April 2025
        assertAmount(electricity.series().periods().get(1).amount(), "8.000", "1.55", "0.416", 1);
        assertThat(electricity.series().periods().get(1).lastYear()).isNull();
        // 30.5 kWh; 4.365 + 1.552 = 5.917 €; 1.586 kg
        assertAmount(electricity.series().total(), "30.500", "5.92", "1.586", 3);

        // Gas: 50 kWh × 0.10192 = 5.096 €, × 0.205 = 10.25 kg
        assertAmount(fluid(report, Fluid.GAS).series().total(), "50.000", "5.10", "10.250", 1);
        // Water: 280 L = 0.28 m³ × 4.34 = 1.2152 €, no factor
        FluidSeries water = fluid(report, Fluid.WATER);
        assertThat(water.unit()).isEqualTo("L");
        assertAmount(water.series().total(), "280", "1.22", null, 2);

        // All fluids in March: 22.5 + 50 kWh of energy; 4.365 + 5.096 + 1.2152 = 10.6762 €; 1.17 + 10.25 kg
        assertAmount(report.allFluids().periods().getFirst().amount(), "72.500", "10.68", "11.420", 2);
    }

    @Test
    void weeksStartOnMondayAndMeetTheSameWeek52WeeksBefore() {
        ConsumptionReport report = report(Granularity.WEEK, MARCH_1, LocalDate.of(2026, 3, 8));

        List<Period> weeks = fluid(report, Fluid.ELECTRICITY).series().periods();
        // 1 March 2026 is a Sunday: its week began on 23 February.
        assertThat(weeks)
                .extracting(Period::start)
                .containsExactly(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 2));
        assertThat(weeks.get(0).amount().quantity()).isEqualByComparingTo("10");
        assertThat(weeks.get(1).amount().quantity()).isEqualByComparingTo("12.5");
        // 52 weeks before 2 March 2026 is Monday 3 March 2025, whose week holds the 5th.
        assertThat(weeks.get(1).lastYear().quantity()).isEqualByComparingTo("9");
    }

    @Test
    void aPriceTheCityAdminSetsReplacesTheReferenceFromItsDate() {
        fixture.cities.as(
                city,
                java.util.Set.of("city-admin"),
                () -> tariffs.put(
                        Fluid.ELECTRICITY,
                        LocalDate.of(2026, 4, 1),
                        new BigDecimal("0.2000"),
                        null,
                        "Offre locale",
                        "Délibération du conseil municipal"));

        ConsumptionReport report = report(Granularity.MONTH, MARCH_1, LocalDate.of(2026, 4, 30));

        List<Period> months = fluid(report, Fluid.ELECTRICITY).series().periods();
        assertThat(months.get(0).amount().euros()).isEqualByComparingTo("4.37");
        // 8 kWh × 0.2000
        assertThat(months.get(1).amount().euros()).isEqualByComparingTo("1.60");
    }

    @Test
    void anotherCitizenAndTheSameCitizenIdInAnotherCitySeeNothing() {
        String larochelle = fixture.onboard("larochelle");
        for (ConsumptionReport report : List.of(
                fixture.cities.asCitizen(
                        city,
                        someone(),
                        () -> consumption.report(
                                someone(),
                                Granularity.YEAR,
                                LocalDate.of(2020, 1, 1),
                                MARCH_1,
                                List.of(Fluid.values()))),
                fixture.cities.asCitizen(
                        larochelle,
                        camille,
                        () -> consumption.report(
                                camille,
                                Granularity.YEAR,
                                LocalDate.of(2020, 1, 1),
                                MARCH_1,
                                List.of(Fluid.values()))))) {
            assertThat(report.fluids())
                    .allSatisfy(series -> assertThat(series.series().total()).isNull());
            assertThat(report.allFluids().periods())
                    .allSatisfy(period -> assertThat(period.amount()).isNull());
        }
    }

    @Test
    void spansPastTheGranularitysLimitOrBackwardsAreRefused() {
        for (Runnable attempt : List.<Runnable>of(
                () -> report(Granularity.DAY, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 1)),
                () -> report(Granularity.MONTH, LocalDate.of(2010, 1, 1), LocalDate.of(2026, 3, 1)),
                () -> report(Granularity.MONTH, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)))) {
            ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class, attempt::run);
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
        }
    }

    private ConsumptionReport report(Granularity granularity, LocalDate from, LocalDate to) {
        return fixture.cities.asCitizen(
                city, camille, () -> consumption.report(camille, granularity, from, to, List.of(Fluid.values())));
    }

    private static FluidSeries fluid(ConsumptionReport report, Fluid fluid) {
        return report.fluids().stream()
                .filter(series -> series.fluid() == fluid)
                .findFirst()
                .orElseThrow();
    }

    private static void assertAmount(Amount amount, String quantity, String euros, String kgCo2e, int days) {
        assertThat(amount.quantity()).isEqualByComparingTo(quantity);
        assertThat(amount.euros()).isEqualByComparingTo(euros);
        if (kgCo2e == null) {
            assertThat(amount.kgCo2e()).isNull();
        } else {
            assertThat(amount.kgCo2e()).isEqualByComparingTo(kgCo2e);
        }
        assertThat(amount.days()).isEqualTo(days);
    }
}
