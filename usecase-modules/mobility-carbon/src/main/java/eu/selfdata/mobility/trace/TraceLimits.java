package eu.selfdata.mobility.trace;

/**
 * Bounds of one upload. The defaults take a day of 1 Hz recording many times over (86,400 points)
 * and the 50 MB / 1M-point uploads the platform promises, and refuse anything larger before it
 * is read whole.
 */
public record TraceLimits(long maxBytes, int maxPoints) {

    public static final TraceLimits DEFAULT = new TraceLimits(50L * 1024 * 1024, 2_000_000);

    public TraceLimits {
        if (maxBytes <= 0 || maxPoints <= 0) {
            throw new IllegalArgumentException("limits are positive");
        }
    }
}
