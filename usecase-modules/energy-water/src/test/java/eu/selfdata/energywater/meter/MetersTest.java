package eu.selfdata.energywater.meter;

import static eu.selfdata.energywater.support.EnergyWaterCities.someone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.selfdata.energywater.EnergyWaterPurposes;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.energywater.support.EnergyWaterCities;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.ConsentChanged;
import eu.selfdata.usecase.api.ConsentState;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.ErrorResponseException;

/** Linking meters under the fluid's consent, what a withdrawal stops, and one city's meters invisible to another. */
class MetersTest {

    private final EnergyWaterCities fixture = new EnergyWaterCities();
    private final Meters meters = fixture.meters;

    @Test
    void aMeterIsLinkedOnlyOnceTheFluidsImportConsentIsGiven() {
        String city = fixture.onboard("lyon");
        CitizenId camille = someone();

        ErrorResponseException refused = refusal(() -> fixture.cities.asCitizen(
                city, camille, () -> meters.link(camille, MeterIdentifier.typed(Fluid.GAS, "GI123456"), null)));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().getType().toString()).endsWith("/consent-required");

        fixture.consents.give(camille, EnergyWaterPurposes.IMPORT_ELECTRICITY);
        assertThat(refusal(() -> fixture.cities.asCitizen(
                                city,
                                camille,
                                () -> meters.link(camille, MeterIdentifier.typed(Fluid.GAS, "GI123456"), null)))
                        .getStatusCode()
                        .value())
                .as("the electricity consent is not the gas one")
                .isEqualTo(409);

        Meter meter = fixture.meterOf(city, camille, Fluid.ELECTRICITY, "1234 5678 9012 34");
        assertThat(meter.identifier()).isEqualTo("12345678901234");
        assertThat(meter.importActive()).isTrue();
        assertThat(fixture.cities.asCitizen(city, camille, () -> meters.of(camille)))
                .extracting(Meter::id)
                .containsExactly(meter.id());
    }

    @ParameterizedTest
    @CsvSource({
        "ELECTRICITY, 1234567890123",
        "ELECTRICITY, 123456789012345",
        "ELECTRICITY, 1234567890123A",
        "GAS, GI12345",
        "GAS, GX123456",
        "WATER, AB",
        "WATER, '../../etc/passwd'",
        "WATER, 'W1; drop table ew_meter'",
        "WATER, 12345678901234567890123"
    })
    void malformedIdentifiersAreRefusedBeforeAnythingIsStored(Fluid fluid, String typed) {
        ErrorResponseException refused = refusal(() -> MeterIdentifier.typed(fluid, typed));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().getDetail()).doesNotContain(typed);
    }

    @Test
    void theSameMeterTwiceIsAConflictButTwoAccountsOfAHouseholdMayEachLinkIt() {
        String city = fixture.onboard("lyon");
        CitizenId camille = someone();
        CitizenId sacha = someone();
        fixture.meterOf(city, camille, Fluid.WATER, "W-123456");

        ErrorResponseException again = refusal(() -> fixture.meterOf(city, camille, Fluid.WATER, "w-123456"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().getDetail()).contains("…3456").doesNotContain("W-123456");

        assertThat(fixture.meterOf(city, sacha, Fluid.WATER, "W-123456").identifier())
                .isEqualTo("W-123456");
    }

    @Test
    void aWithdrawalStopsTheFluidsImportsOnlyAndTheReadingsStayUntilTheCitizenDeletesThem() {
        String city = fixture.onboard("lyon");
        CitizenId camille = someone();
        Meter electricity = fixture.meterOf(city, camille, Fluid.ELECTRICITY, "12345678901234");
        Meter water = fixture.meterOf(city, camille, Fluid.WATER, "W-123456");
        fixture.day(city, electricity, camille, LocalDate.of(2026, 3, 1), 9_000L, null);
        ImportConsentListener listener = new ImportConsentListener(meters);

        fixture.consents.withdraw(camille, EnergyWaterPurposes.IMPORT_ELECTRICITY);
        listener.on(new ConsentChanged(city, camille, EnergyWaterPurposes.IMPORT_ELECTRICITY, ConsentState.WITHDRAWN));

        assertThat(fixture.cities.asCitizen(city, camille, () -> meters.require(camille, electricity.id())))
                .extracting(Meter::importActive, Meter::days)
                .containsExactly(false, 1L);
        assertThat(fixture.cities
                        .asCitizen(city, camille, () -> meters.require(camille, water.id()))
                        .importActive())
                .isTrue();
        assertThat(refusal(() -> fixture.cities.asCitizen(
                                city, camille, () -> meters.requireImporting(camille, electricity.id())))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);

        fixture.consents.give(camille, EnergyWaterPurposes.IMPORT_ELECTRICITY);
        assertThat(refusal(() -> fixture.cities.asCitizen(
                                city, camille, () -> meters.requireImporting(camille, electricity.id())))
                        .getStatusCode()
                        .value())
                .as("the consent is given again but no event said so: imports stay stopped")
                .isEqualTo(409);
        listener.on(new ConsentChanged(city, camille, EnergyWaterPurposes.IMPORT_ELECTRICITY, ConsentState.GIVEN));
        assertThat(fixture.cities.asCitizen(city, camille, () -> meters.requireImporting(camille, electricity.id())))
                .isNotNull();

        assertThat(fixture.cities.asCitizen(city, camille, () -> meters.deleteReadings(camille, electricity.id())))
                .isEqualTo(1);
        assertThat(fixture.cities.count(city, "ew_daily")).isZero();
        assertThat(fixture.cities.count(city, "ew_meter")).isEqualTo(2);
    }

    @Test
    void unlinkingDeletesTheMetersReadings() {
        String city = fixture.onboard("lyon");
        CitizenId camille = someone();
        Meter meter = fixture.meterOf(city, camille, Fluid.GAS, "GI123456");
        fixture.day(city, meter, camille, LocalDate.of(2026, 3, 1), 40_000L, 3_600L);

        fixture.cities.asCitizen(city, camille, () -> {
            meters.unlink(camille, meter.id());
            return null;
        });

        assertThat(fixture.cities.count(city, "ew_meter")).isZero();
        assertThat(fixture.cities.count(city, "ew_daily")).isZero();
    }

    @Test
    void anotherCitizensOrAnotherCitysMeterIsNotFoundWhateverItsId() {
        String lyon = fixture.onboard("lyon");
        String larochelle = fixture.onboard("larochelle");
        CitizenId camille = someone();
        CitizenId sacha = someone();
        Meter ofCamille = fixture.meterOf(lyon, camille, Fluid.ELECTRICITY, "12345678901234");
        fixture.day(lyon, ofCamille, camille, LocalDate.of(2026, 3, 1), 9_000L, null);
        // The same citizen id in the other city, with a meter of the same number.
        fixture.meterOf(larochelle, camille, Fluid.ELECTRICITY, "12345678901234");

        for (Supplier<?> attempt : java.util.List.<Supplier<?>>of(
                () -> fixture.cities.asCitizen(lyon, sacha, () -> meters.require(sacha, ofCamille.id())),
                () -> fixture.cities.asCitizen(lyon, sacha, () -> meters.deleteReadings(sacha, ofCamille.id())),
                () -> fixture.cities.asCitizen(larochelle, camille, () -> meters.require(camille, ofCamille.id())),
                () -> fixture.cities.asCitizen(
                        larochelle, camille, () -> meters.deleteReadings(camille, ofCamille.id())))) {
            assertThat(refusal(attempt::get).getStatusCode().value()).isEqualTo(404);
        }
        assertThat(fixture.cities.count(lyon, "ew_daily")).isEqualTo(1);
        assertThat(fixture.cities.asCitizen(larochelle, camille, () -> meters.of(camille)))
                .singleElement()
                .extracting(Meter::days)
                .isEqualTo(0L);
    }

    private static ErrorResponseException refusal(Supplier<?> attempt) {
        return catchThrowableOfType(ErrorResponseException.class, attempt::get);
    }
}
