package eu.selfdata.mobility.trip;

/**
 * Distances on the WGS84 sphere. Between consecutive fixes (metres to a few kilometres apart) the
 * equirectangular approximation is within 0.1 % of haversine and several times cheaper.
 */
public final class Geo {

    public static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double RAD = Math.PI / 180;

    private Geo() {}

    /** Short-range distance in metres. */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double x = (lon2 - lon1) * RAD * Math.cos((lat1 + lat2) * 0.5 * RAD);
        double y = (lat2 - lat1) * RAD;
        return Math.sqrt(x * x + y * y) * EARTH_RADIUS_M;
    }

    /** √(x² + y²), without {@link Math#hypot}'s care for overflow, which costs several times more. */
    public static double norm(double x, double y) {
        return Math.sqrt(x * x + y * y);
    }

    /** Great-circle distance in metres, for any range. */
    public static double haversineM(double lat1, double lon1, double lat2, double lon2) {
        double dLat = (lat2 - lat1) * RAD;
        double dLon = (lon2 - lon1) * RAD;
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
