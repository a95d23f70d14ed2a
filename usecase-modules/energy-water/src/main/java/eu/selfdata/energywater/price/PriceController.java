package eu.selfdata.energywater.price;

import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.CommonProblems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The prices and emission factors the module counts with; the city admin keeps the city's prices. */
@RestController
public class PriceController {

    private final Tariffs tariffs;
    private final EmissionFactors factors;
    private final CityStaff staff;

    public PriceController(Tariffs tariffs, EmissionFactors factors, CityStaff staff) {
        this.tariffs = tariffs;
        this.factors = factors;
        this.staff = staff;
    }

    public record TariffChange(BigDecimal pricePerUnit, BigDecimal subscriptionPerYear, String label, String source) {}

    @GetMapping("/api/energy-water/prices")
    Map<String, List<?>> prices() {
        return Map.of("tariffs", tariffs.all(), "emissionFactors", factors.all());
    }

    @PutMapping("/api/energy-water/city/tariffs/{fluid}/{validFrom}")
    Tariff put(
            @PathVariable Fluid fluid,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            @RequestBody TariffChange change) {
        staff.requireAdmin();
        return tariffs.put(
                fluid, validFrom, change.pricePerUnit(), change.subscriptionPerYear(), change.label(), change.source());
    }

    @DeleteMapping("/api/energy-water/city/tariffs/{fluid}/{validFrom}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(
            @PathVariable Fluid fluid,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom) {
        staff.requireAdmin();
        if (!tariffs.remove(fluid, validFrom)) {
            throw CommonProblems.NOT_FOUND.exception("the city set no price of " + fluid + " from " + validFrom);
        }
    }
}
