package eu.selfdata.usecase.api;

import java.util.Optional;

/**
 * City indicators over consenting citizens only, with small groups suppressed and the others noised
 * and rounded; the only way a module shows anyone a figure about the city's citizens. The core
 * computes them on the city's schedule; a module reads what was published, never a fresh computation
 * (each one would spend privacy budget and give differencing a new sample).
 */
public interface CityAggregates {

    /** The indicator as last published in the current city; empty before its first computation. */
    Optional<IndicatorResult> published(CityIndicator indicator);

    /** The current city's k: groups with fewer participants are suppressed. */
    int minGroupSize();
}
