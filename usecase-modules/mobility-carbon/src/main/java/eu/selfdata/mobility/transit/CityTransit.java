package eu.selfdata.mobility.transit;

/** The current city's transit network for mode inference; none until the city has a GTFS feed. */
public class CityTransit {

    public TransitNetwork network() {
        return TransitNetwork.NONE;
    }
}
