package eu.selfdata.mobility.trip;

/** Names the mode of a leg from its profile. */
@FunctionalInterface
public interface ModeInference {

    TravelMode infer(LegProfile leg);
}
