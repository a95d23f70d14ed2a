package eu.selfdata.mobility.trip;

import java.util.Optional;

/** A city's public transit as mode inference sees it. */
public interface TransitNetwork {

    /** A city without a transit feed: speeds alone decide. */
    TransitNetwork NONE = leg -> Optional.empty();

    /** The ride on a route that explains the leg, if one does. */
    Optional<TransitRide> rideOf(LegProfile leg);
}
