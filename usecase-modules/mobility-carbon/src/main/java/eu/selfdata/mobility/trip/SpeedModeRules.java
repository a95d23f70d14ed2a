package eu.selfdata.mobility.trip;

/**
 * Mode from a leg's speed distribution, the city's transit and the phone's activity, after
 * e-mission's rule engine:
 * <ul>
 * <li>a leg on foot (see {@link FootOrRide}) is a walk;</li>
 * <li>a ride near stops of one transit route at both ends, per the city's GTFS feed: that route's
 * mode (e-mission's 150 m rule, see {@link TransitNetwork}) — once the leg went faster than a bike
 * does (95th percentile above 8.5 m/s), or mostly out of sight (underground), or the phone said
 * "in a vehicle" more than "cycling": a ride along a bus line by bike stays a bike;</li>
 * <li>95th percentile above 70 m/s (250 km/h): no mode we cover (a plane), unknown;</li>
 * <li>95th percentile above 45 m/s (162 km/h): faster than any road vehicle may go in France
 * (130 km/h on motorways), train;</li>
 * <li>the phone said "cycling" for most of the leg and speeds a bike can reach (95th percentile up
 * to 12 m/s): bike or e-bike by the median; "in a vehicle" for most of it: a car, however slow;</li>
 * <li>median ≤ 5.5 m/s and 95th percentile ≤ 8.5 m/s: bike (e-mission's bike/bus bound is 8.5 m/s);</li>
 * <li>median ≤ 7 m/s and 95th percentile ≤ 10 m/s: e-bike (EU pedal assistance stops at 25 km/h,
 * 6.9 m/s, EN 15194);</li>
 * <li>otherwise car.</li>
 * </ul>
 * Speeds cannot tell a bus from a car without a transit feed: e-mission users report the same
 * (issues #346, #468), hence corrections by the citizen.
 */
public final class SpeedModeRules implements ModeInference {

    static final double PLANE_MIN_P95_MPS = 70;
    static final double TRAIN_MIN_P95_MPS = 45;
    static final double BIKE_MAX_MEDIAN_MPS = 5.5;
    static final double BIKE_MAX_P95_MPS = 8.5;
    static final double EBIKE_MAX_MEDIAN_MPS = 7;
    static final double EBIKE_MAX_P95_MPS = 10;
    static final double CYCLING_MAX_P95_MPS = 12;
    static final double MOSTLY = 0.5;

    private final TransitNetwork transit;

    public SpeedModeRules(TransitNetwork transit) {
        this.transit = transit;
    }

    @Override
    public Inference infer(LegProfile leg) {
        if (leg.onFoot()) {
            return Inference.of(TravelMode.WALK);
        }
        if (leg.p95SpeedMps() > PLANE_MIN_P95_MPS) {
            return Inference.of(TravelMode.UNKNOWN);
        }
        LegProfile.Activity said = leg.activity();
        boolean cycling = said.cycling() > MOSTLY
                && said.cycling() > said.inVehicle()
                && leg.p95SpeedMps() <= CYCLING_MAX_P95_MPS;
        boolean inVehicle = said.inVehicle() > MOSTLY && said.inVehicle() > said.cycling();
        if (!cycling && (leg.p95SpeedMps() > BIKE_MAX_P95_MPS || leg.unseenShare() > MOSTLY || inVehicle)) {
            var ride = transit.rideOf(leg);
            if (ride.isPresent()) {
                return new Inference(ride.get().mode(), ride);
            }
        }
        return Inference.of(bySpeed(leg, cycling, inVehicle));
    }

    private static TravelMode bySpeed(LegProfile leg, boolean cycling, boolean inVehicle) {
        if (leg.p95SpeedMps() > TRAIN_MIN_P95_MPS) {
            return TravelMode.TRAIN;
        }
        if (cycling) {
            return leg.medianSpeedMps() <= BIKE_MAX_MEDIAN_MPS ? TravelMode.BIKE : TravelMode.EBIKE;
        }
        if (inVehicle) {
            return TravelMode.CAR;
        }
        if (leg.medianSpeedMps() <= BIKE_MAX_MEDIAN_MPS && leg.p95SpeedMps() <= BIKE_MAX_P95_MPS) {
            return TravelMode.BIKE;
        }
        if (leg.medianSpeedMps() <= EBIKE_MAX_MEDIAN_MPS && leg.p95SpeedMps() <= EBIKE_MAX_P95_MPS) {
            return TravelMode.EBIKE;
        }
        return TravelMode.CAR;
    }
}
