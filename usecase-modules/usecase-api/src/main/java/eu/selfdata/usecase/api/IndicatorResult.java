package eu.selfdata.usecase.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A published indicator: one cell per group. A suppressed cell carries neither value nor
 * participant count ("not enough participants"), never a zero. A shown cell's value is noised and
 * rounded to two significant digits, its participant count noised and rounded to a multiple of 5
 * ({@link NoiseBudget}): neither is an exact figure.
 *
 * @param minGroupSize the k the city applied
 * @param noise        the budget the cells were published with
 */
public record IndicatorResult(
        String indicatorId, Instant computedAt, int minGroupSize, NoiseBudget noise, List<Cell> cells) {

    public IndicatorResult {
        Objects.requireNonNull(noise, "noise");
        cells = List.copyOf(cells);
    }

    public record Cell(String group, Double value, Integer participants, boolean suppressed) {

        public Cell {
            Objects.requireNonNull(group, "group");
            if (suppressed && (value != null || participants != null)) {
                throw new IllegalArgumentException("a suppressed cell reveals nothing");
            }
        }
    }
}
