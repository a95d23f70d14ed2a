package eu.selfdata.mobility.trip;

import java.time.Duration;

/**
 * Thresholds of trip and leg segmentation. Defaults and where they come from:
 * <ul>
 * <li>{@code stayDwell} 5 min and {@code stayRadiusM} 100 m: a trip ends where the phone stays for
 * 5 minutes, within at most 100 m — e-mission server {@code trip_segmentation} (time filter);
 * trackintel's {@code generate_staypoints} uses the same 100 m / 5 min defaults. A trip must also
 * take the person further than {@code stayRadiusM} from where it started.</li>
 * <li>{@code minStopRadiusM} 25 m and {@code stopRadiusPerSigma} 2.5: the radius a stop is looked for
 * in adapts to the fixes' accuracy, 2.5 standard deviations of their error (98 % of a circular
 * Gaussian's fixes) and at least 25 m (our choice: a smoothed track of a good fix still wanders
 * a few metres), at most {@code stayRadiusM}.</li>
 * <li>{@code minStop} 1 min: a stop shorter than the dwell but longer than this, inside a trip, can
 * be where one leg ends and the next begins (our choice: a red light, a bus stop are shorter).</li>
 * <li>{@code maxGap} 12 h: a longer silence always ends a trip — e-mission.</li>
 * <li>{@code maxAccuracyM} 100 m: a fix less precise than the stay radius cannot tell a stay from a
 * move (our choice, derived from the radius).</li>
 * <li>{@code unknownAccuracyM} 15 m: the accuracy assumed where the file gives none (GPX, GeoJSON):
 * a phone's typical fix outdoors, rather pessimistic (our choice).</li>
 * <li>{@code minTripDistanceM} 200 m: shorter movement between two stays is moving around a place,
 * not a trip (our choice: twice the stay radius).</li>
 * <li>{@code onFootMaxMps} 2.5 m/s: faster is riding, not walking (our choice: a brisk walk is
 * 2 m/s).</li>
 * <li>{@code legSwitch} 60 s: the evidence, in seconds of clear walking or riding, a change between
 * on foot and riding must gather (our choice: e-mission and Zheng et al. take a walk segment of
 * about a minute as a change point).</li>
 * </ul>
 */
public record SegmentationSettings(
        Duration stayDwell,
        double stayRadiusM,
        double minStopRadiusM,
        double stopRadiusPerSigma,
        Duration minStop,
        Duration maxGap,
        double maxAccuracyM,
        double unknownAccuracyM,
        double minTripDistanceM,
        double onFootMaxMps,
        Duration legSwitch) {

    public static final SegmentationSettings DEFAULT = new SegmentationSettings(
            Duration.ofMinutes(5),
            100,
            25,
            2.5,
            Duration.ofMinutes(1),
            Duration.ofHours(12),
            100,
            15,
            200,
            2.5,
            Duration.ofSeconds(60));

    public SegmentationSettings {
        if (stayRadiusM <= 0
                || minStopRadiusM <= 0
                || minStopRadiusM > stayRadiusM
                || stopRadiusPerSigma <= 0
                || maxAccuracyM <= 0
                || unknownAccuracyM <= 0
                || minTripDistanceM < 0
                || onFootMaxMps <= 0) {
            throw new IllegalArgumentException(
                    "segmentation distances and speeds are positive, the smallest stop radius within the stay radius");
        }
        if (stayDwell.isNegative()
                || stayDwell.isZero()
                || maxGap.compareTo(stayDwell) <= 0
                || minStop.isNegative()
                || minStop.compareTo(stayDwell) > 0
                || legSwitch.isNegative()) {
            throw new IllegalArgumentException(
                    "a stay lasts a positive time, longer than the shortest stop and shorter than the longest gap");
        }
    }
}
