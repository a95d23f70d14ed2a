package eu.selfdata.mobility.trip;

import java.time.Duration;

/**
 * Thresholds of trip and leg segmentation. Defaults and where they come from:
 * <ul>
 * <li>{@code stayRadiusM} 100 m and {@code stayDwell} 5 min: a trip ends when the phone stays within
 * 100 m for 5 minutes — e-mission server {@code trip_segmentation} (time filter); trackintel's
 * {@code generate_staypoints} uses the same 100 m / 5 min defaults.</li>
 * <li>{@code maxGap} 12 h: a longer silence always ends a trip — e-mission.</li>
 * <li>{@code maxAccuracyM} 100 m: a fix less precise than the stay radius cannot tell a stay from a
 * move (our choice, derived from the radius).</li>
 * <li>{@code maxSpeedMps} 100 m/s (360 km/h): a jump faster than any surface mode, high-speed trains
 * included (320 km/h), is a GPS error and dropped (our choice).</li>
 * <li>{@code minStepM} 10 m: distance and speed are measured between fixes at least this far apart,
 * so jitter around a still phone adds no distance (our choice: twice a good phone fix's accuracy).</li>
 * <li>{@code minTripDistanceM} 200 m: shorter movement between two stays is moving around a place,
 * not a trip (our choice: twice the stay radius).</li>
 * <li>{@code onFootMaxMps} 2.5 m/s and {@code minLegDuration} 2 min: steps slower than a brisk walk
 * are "on foot or standing", faster ones "riding"; a run of either shorter than 2 min (a red light,
 * a bus stop) stays in the leg around it (our choice).</li>
 * </ul>
 */
public record SegmentationSettings(double stayRadiusM, Duration stayDwell, Duration maxGap, double maxAccuracyM,
                                   double maxSpeedMps, double minStepM, double minTripDistanceM,
                                   double onFootMaxMps, Duration minLegDuration) {

    public static final SegmentationSettings DEFAULT = new SegmentationSettings(100, Duration.ofMinutes(5),
            Duration.ofHours(12), 100, 100, 10, 200, 2.5, Duration.ofMinutes(2));

    public SegmentationSettings {
        if (stayRadiusM <= 0 || maxAccuracyM <= 0 || maxSpeedMps <= 0 || minStepM < 0 || minTripDistanceM < 0 || onFootMaxMps <= 0) {
            throw new IllegalArgumentException("segmentation distances and speeds are positive");
        }
        if (stayDwell.isNegative() || stayDwell.isZero() || maxGap.compareTo(stayDwell) <= 0 || minLegDuration.isNegative()) {
            throw new IllegalArgumentException("a stay lasts a positive time, shorter than the longest gap");
        }
    }
}
