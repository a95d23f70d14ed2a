package eu.selfdata.mobility.trace;

/**
 * Checks what a reader yields before it reaches storage: times within the {@link TimeWindow} and
 * strictly increasing (a repeated or earlier time is refused, never reordered: it means the file is
 * broken or spliced) and no more points than the limit.
 */
final class CheckedPoints implements PointSink {

    private final PointSink next;
    private final int maxPoints;
    private final TimeWindow window;
    private long previous = Long.MIN_VALUE;
    private int count;

    CheckedPoints(PointSink next, int maxPoints, TimeWindow window) {
        this.next = next;
        this.maxPoints = maxPoints;
        this.window = window;
    }

    @Override
    public void accept(TracePoint point) {
        window.check(point.epochMilli());
        if (count > 0 && point.epochMilli() == previous) {
            throw new InvalidTraceException(
                    TraceProblem.DUPLICATE_TIMESTAMP,
                    "point " + count + " repeats the time " + java.time.Instant.ofEpochMilli(previous));
        }
        if (count > 0 && point.epochMilli() < previous) {
            throw new InvalidTraceException(
                    TraceProblem.UNORDERED_TIMESTAMPS,
                    "point " + count + " at " + java.time.Instant.ofEpochMilli(point.epochMilli())
                            + " comes before the previous point at " + java.time.Instant.ofEpochMilli(previous));
        }
        if (++count > maxPoints) {
            throw new InvalidTraceException(
                    TraceProblem.TOO_MANY_POINTS, "an upload holds at most " + maxPoints + " points");
        }
        previous = point.epochMilli();
        next.accept(point);
    }

    int count() {
        return count;
    }
}
