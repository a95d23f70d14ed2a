package eu.selfdata.energywater.reading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of GRDF's informative data as either shape writes it, before it is checked.
 *
 * @param end the day after {@code start} (GRDF's period ends at the next day), or {@code start} itself
 * @param volume m³ of gas as metered
 * @param coefficient kWh per m³ (GRDF's conversion coefficient)
 * @param energy kWh
 */
record InformativeDay(
        long line,
        Optional<String> pce,
        LocalDate start,
        Optional<LocalDate> end,
        Optional<BigDecimal> volume,
        Optional<BigDecimal> coefficient,
        Optional<BigDecimal> energy) {

    static final String START = "date_debut_consommation";
    static final String END = "date_fin_consommation";
    static final String VOLUME = "volume_brut";
    static final String COEFFICIENT = "coeff_conversion";
    static final String ENERGY = "energie";
    static final String PCE = "id_pce";

    /** The day's use, or empty for a day GRDF has no figures for. */
    Optional<DailyUse> use() {
        LocalDate last = end.orElse(start);
        if (last.isBefore(start)) {
            throw new BadReadingFile(line, "the period ends before it starts");
        }
        if (last.isAfter(start.plusDays(1))) {
            throw new BadReadingFile(line, "a period of more than a day: informative data is daily");
        }
        Optional<BigDecimal> kWh = energy.or(() -> volume.flatMap(m3 -> coefficient.map(m3::multiply)));
        if (kWh.isEmpty() && volume.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DailyUse(start, whole(kWh), whole(volume)));
    }

    private OptionalLong whole(Optional<BigDecimal> thousandths) {
        return thousandths
                .map(value -> OptionalLong.of(Quantities.whole(line, value, 3)))
                .orElseGet(OptionalLong::empty);
    }
}
