package eu.selfdata.usecase.api;

/**
 * Computes city indicators over consenting citizens only, with small groups suppressed; the only
 * way a module shows the city anything about its citizens.
 */
public interface CityAggregates {

    /** Computes the indicator now, in the current city, and records the read in participants' access logs. */
    IndicatorResult compute(CityIndicator indicator);
}
