package eu.selfdata.usecase.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A computed indicator: one cell per group. A suppressed cell carries neither value nor
 * participant count ("not enough participants"), never a zero.
 *
 * @param minGroupSize the k the city applied
 */
public record IndicatorResult(String indicatorId, Instant computedAt, int minGroupSize, List<Cell> cells) {

    public IndicatorResult {
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
