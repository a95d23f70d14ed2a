package eu.selfdata.mobility.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import eu.selfdata.mobility.trip.TravelMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmissionFactorsTest {

    @Test
    void tenKilometresByCarAreOnePointNineTwoKilogramsWithCoachCo2sFactors() {
        EmissionFactors factors = EmissionFactors.of(FactorSet.BASE_CARBONE_COACH_CO2, 0, Map.of());
        assertThat(factors.co2eGrams(TravelMode.CAR, 10_000)).hasValue(1920);
        assertThat(factors.version()).isEqualTo("base-carbone-coach-co2@r0");
    }

    @Test
    void impactCo2CountsVehicleConstructionSoItsCarWeighsMore() {
        EmissionFactors factors = EmissionFactors.of(FactorSet.IMPACT_CO2_2025_10_16, 0, Map.of());
        assertThat(factors.co2eGrams(TravelMode.CAR, 10_000)).hasValue(2176);
        assertThat(factors.co2eGrams(TravelMode.BUS, 10_000)).hasValue(1224);
        assertThat(factors.co2eGrams(TravelMode.WALK, 10_000)).hasValue(0);
    }

    @Test
    void aCityOverrideReplacesOneModeAndChangesTheVersion() {
        EmissionFactors factors = EmissionFactors.of(FactorSet.IMPACT_CO2_2025_10_16, 3, Map.of(TravelMode.BUS, 21.7));
        assertThat(factors.co2eGrams(TravelMode.BUS, 10_000)).hasValue(217);
        assertThat(factors.co2eGrams(TravelMode.CAR, 10_000)).hasValue(2176);
        assertThat(factors.version()).isEqualTo("impactco2-2025-10-16@r3");
    }

    @Test
    void anUnknownModeHasNoCo2e() {
        assertThat(EmissionFactors.of(FactorSet.IMPACT_CO2_2025_10_16, 0, Map.of())
                        .co2eGrams(TravelMode.UNKNOWN, 5_000))
                .isEmpty();
    }
}
