package eu.selfdata.energywater.price;

import eu.selfdata.energywater.reading.Fluid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The shipped, dated emission factors: a day is counted with the latest factor valid on it. */
public class EmissionFactors {

    private final List<EmissionFactor> factors;

    public EmissionFactors(List<EmissionFactor> factors) {
        this.factors = factors.stream()
                .sorted(Comparator.comparing(EmissionFactor::validFrom))
                .toList();
    }

    public static EmissionFactors shipped() {
        return new EmissionFactors(ReferenceFile.read(
                "emission-factors.csv",
                row -> new EmissionFactor(
                        Fluid.valueOf(row.get("fluid")),
                        LocalDate.parse(row.get("valid_from")),
                        new BigDecimal(row.get("kg_co2e_per_unit")),
                        row.get("unit"),
                        row.get("source"))));
    }

    public List<EmissionFactor> all() {
        return factors;
    }

    public Optional<EmissionFactor> on(Fluid fluid, LocalDate day) {
        return Dated.on(
                factors.stream().filter(factor -> factor.fluid() == fluid).toList(), EmissionFactor::validFrom, day);
    }
}
