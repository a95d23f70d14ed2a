package eu.selfdata.mobility.trip;

/** How a leg was travelled. {@link #UNKNOWN} gets no CO2e until the citizen says. */
public enum TravelMode {
    WALK,
    BIKE,
    EBIKE,
    CAR,
    BUS,
    TRAM,
    METRO,
    TRAIN,
    UNKNOWN
}
