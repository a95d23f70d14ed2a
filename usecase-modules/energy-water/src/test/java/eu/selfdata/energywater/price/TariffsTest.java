package eu.selfdata.energywater.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.energywater.support.EnergyWaterCities;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** Shipped reference prices, each with a source, overridden per city by its admin, and never another city's. */
class TariffsTest {

    private static final Set<String> ADMIN = Set.of("city-admin");

    private final EnergyWaterCities fixture = new EnergyWaterCities();
    private final Tariffs tariffs = new Tariffs(fixture.cities, Tariffs.shippedReference());

    @Test
    void everyShippedPriceAndFactorHasADateAndASource() {
        assertThat(Tariffs.shippedReference())
                .extracting(Tariff::fluid)
                .contains(Fluid.ELECTRICITY, Fluid.GAS, Fluid.WATER);
        assertThat(Tariffs.shippedReference()).allSatisfy(tariff -> {
            assertThat(tariff.source()).isNotBlank();
            assertThat(tariff.pricePerUnit()).isPositive();
            assertThat(tariff.shipped()).isTrue();
        });
        assertThat(EmissionFactors.shipped().all())
                .extracting(EmissionFactor::fluid)
                .containsExactlyInAnyOrder(Fluid.ELECTRICITY, Fluid.GAS);
        assertThat(EmissionFactors.shipped().all())
                .allSatisfy(factor -> assertThat(factor.source()).contains("ADEME"));
    }

    @Test
    void aCitysPriceReplacesTheShippedOneOfItsDateAndAppliesFromItOnlyInThatCity() {
        String lyon = fixture.onboard("lyon");
        String larochelle = fixture.onboard("larochelle");
        LocalDate shippedDate = LocalDate.of(2026, 2, 1);

        fixture.cities.as(
                lyon,
                ADMIN,
                () -> tariffs.put(Fluid.ELECTRICITY, shippedDate, new BigDecimal("0.18"), null, "Local", "Conseil"));
        fixture.cities.as(
                lyon,
                ADMIN,
                () -> tariffs.put(
                        Fluid.WATER,
                        LocalDate.of(2026, 1, 1),
                        new BigDecimal("3.95"),
                        new BigDecimal("60"),
                        "Régie",
                        "Tarifs 2026"));

        Tariffs.PriceBook ofLyon = fixture.cities.as(lyon, ADMIN, tariffs::book);
        assertThat(ofLyon.on(Fluid.ELECTRICITY, LocalDate.of(2026, 6, 1))
                        .orElseThrow()
                        .pricePerUnit())
                .isEqualByComparingTo("0.18");
        assertThat(ofLyon.on(Fluid.WATER, LocalDate.of(2025, 6, 1))
                        .orElseThrow()
                        .pricePerUnit())
                .as("before the city's price, the shipped one")
                .isEqualByComparingTo("4.34");
        assertThat(ofLyon.on(Fluid.WATER, LocalDate.of(2026, 6, 1))
                        .orElseThrow()
                        .pricePerUnit())
                .isEqualByComparingTo("3.95");
        Tariffs.PriceBook ofLaRochelle = fixture.cities.as(larochelle, ADMIN, tariffs::book);
        assertThat(ofLaRochelle
                        .on(Fluid.ELECTRICITY, LocalDate.of(2026, 6, 1))
                        .orElseThrow()
                        .pricePerUnit())
                .isEqualByComparingTo("0.1940");

        assertThat(fixture.cities.as(larochelle, ADMIN, () -> tariffs.remove(Fluid.ELECTRICITY, shippedDate)))
                .as("La Rochelle set no such price")
                .isFalse();
        assertThat(fixture.cities.as(lyon, ADMIN, () -> tariffs.remove(Fluid.ELECTRICITY, shippedDate)))
                .isTrue();
        assertThat(fixture.cities
                        .as(lyon, ADMIN, tariffs::book)
                        .on(Fluid.ELECTRICITY, LocalDate.of(2026, 6, 1))
                        .orElseThrow()
                        .pricePerUnit())
                .isEqualByComparingTo("0.1940");
    }

    @Test
    void pricesOutOfBoundsOrWithoutSourceAreRefused() {
        String lyon = fixture.onboard("lyon");
        LocalDate date = LocalDate.of(2026, 1, 1);
        for (Supplier<Tariff> attempt : List.<Supplier<Tariff>>of(
                () -> tariffs.put(Fluid.GAS, date, new BigDecimal("-0.1"), null, "l", "s"),
                () -> tariffs.put(Fluid.GAS, date, new BigDecimal("1000"), null, "l", "s"),
                () -> tariffs.put(Fluid.GAS, date, new BigDecimal("0.1234567"), null, "l", "s"),
                () -> tariffs.put(Fluid.GAS, date, null, null, "l", "s"),
                () -> tariffs.put(Fluid.GAS, date, new BigDecimal("0.1"), new BigDecimal("-1"), "l", "s"),
                () -> tariffs.put(Fluid.GAS, date, new BigDecimal("0.1"), null, " ", "s"),
                () -> tariffs.put(Fluid.GAS, date, new BigDecimal("0.1"), null, "l", "s".repeat(301)),
                () -> tariffs.put(Fluid.GAS, LocalDate.of(1999, 1, 1), new BigDecimal("0.1"), null, "l", "s"))) {
            ErrorResponseException refused =
                    catchThrowableOfType(ErrorResponseException.class, () -> fixture.cities.as(lyon, ADMIN, attempt));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
        }
        assertThat(fixture.cities.count(lyon, "ew_tariff")).isZero();
    }
}
