package eu.selfdata.energywater.price;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Picks, among dated figures sorted by date, the one valid on a day: the latest from before it, else the oldest. */
final class Dated {

    private Dated() {}

    static <T> Optional<T> on(List<T> sorted, Function<T, LocalDate> validFrom, LocalDate day) {
        // Before the first figure, the oldest one beats none: a consumption of 2019 is still priced.
        return sorted.stream()
                .filter(figure -> !validFrom.apply(figure).isAfter(day))
                .reduce((earlier, later) -> later)
                .or(() -> sorted.stream().findFirst());
    }
}
