package eu.selfdata.mobility.carbon;

import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.CommonProblems;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Emission factors: anyone signed in sees those in force (a citizen may check how a gram was
 * counted); a city admin picks a set, overrides modes, and recomputes stored legs.
 */
@RestController
@RequestMapping("/api/mobility-carbon")
public class FactorController {

    private final CityFactors factors;
    private final StoredEmissions legs;
    private final CityStaff staff;

    public FactorController(CityFactors factors, StoredEmissions legs, CityStaff staff) {
        this.factors = factors;
        this.legs = legs;
        this.staff = staff;
    }

    @GetMapping("/factors")
    FactorsView current() {
        return new FactorsView(factors.current(), factors.shipped());
    }

    @PutMapping("/settings/factors")
    EmissionFactors choose(@RequestBody FactorChoice choice) {
        staff.requireAdmin();
        if (choice == null || choice.factorSet() == null) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "name a factorSet, optionally with overrides (mode to gCO2e per passenger-km)");
        }
        return factors.choose(choice.factorSet(), choice.overrides() == null ? Map.of() : choice.overrides());
    }

    /** Recomputes every leg stored with another factor version; the old results stay in the history. */
    @PostMapping("/settings/factors/recompute")
    Recomputed recompute() {
        staff.requireAdmin();
        int recomputed = legs.recomputeAll();
        return new Recomputed(factors.current().version(), recomputed);
    }

    record FactorsView(EmissionFactors current, List<FactorSet> shipped) {}

    record FactorChoice(String factorSet, Map<TravelMode, Double> overrides) {}

    record Recomputed(String factorVersion, int legs) {}
}
