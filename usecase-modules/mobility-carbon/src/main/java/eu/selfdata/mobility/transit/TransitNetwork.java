package eu.selfdata.mobility.transit;

import eu.selfdata.mobility.trip.LegProfile;
import eu.selfdata.mobility.trip.TravelMode;

import java.util.Optional;

/** A city's public transit as mode inference sees it. */
public interface TransitNetwork {

    /** A city without a transit feed: speeds alone decide. */
    TransitNetwork NONE = leg -> Optional.empty();

    /** The transit mode of a route that explains the leg, if one does. */
    Optional<TravelMode> modeOf(LegProfile leg);
}
