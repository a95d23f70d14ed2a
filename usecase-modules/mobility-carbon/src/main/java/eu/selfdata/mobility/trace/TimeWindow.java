package eu.selfdata.mobility.trace;

import java.time.Duration;
import java.time.Instant;

/**
 * The times a fix may carry: not before 2000 (a receiver's clock reset or a GPS week rollover gives
 * 1980 or 1999 dates; no phone recorded traces before) and not after now plus {@link #CLOCK_SKEW}
 * (a phone's clock runs a little ahead; a fix from next year is a broken file).
 */
public record TimeWindow(Instant notBefore, Instant notAfter) {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    public TimeWindow {
        if (notBefore == null || notAfter == null || notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("a time window runs forward");
        }
    }

    /** The window for fixes received at {@code now}. */
    public static TimeWindow receivedAt(Instant now) {
        return new TimeWindow(EARLIEST, now.plus(CLOCK_SKEW));
    }

    /** @throws InvalidTraceException {@link TraceProblem#TIME_OUT_OF_RANGE} outside the window */
    public void check(long epochMilli) {
        if (epochMilli < notBefore.toEpochMilli()) {
            throw new InvalidTraceException(
                    TraceProblem.TIME_OUT_OF_RANGE,
                    "dated " + Instant.ofEpochMilli(epochMilli) + ", before " + notBefore
                            + ": the device's clock was wrong");
        }
        if (epochMilli > notAfter.toEpochMilli()) {
            throw new InvalidTraceException(
                    TraceProblem.TIME_OUT_OF_RANGE,
                    "dated " + Instant.ofEpochMilli(epochMilli) + ", in the future (more than " + CLOCK_SKEW.toMinutes()
                            + " minutes after it was received)");
        }
    }
}
