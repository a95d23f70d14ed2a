package eu.selfdata.mobility.trace;

import eu.selfdata.usecase.api.limits.CappedInputStream;
import eu.selfdata.usecase.api.limits.LimitExceededException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Reads one upload through its format's reader, within limits, checking order as it goes. */
public final class TraceFiles {

    private TraceFiles() {}

    /** @return how many points went to the sink, with the first and last time */
    public static ReadSummary read(InputStream in, TraceFormat format, TraceLimits limits, PointSink sink) {
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        CheckedPoints checked = new CheckedPoints(
                point -> {
                    span[0] = Math.min(span[0], point.epochMilli());
                    span[1] = point.epochMilli();
                    sink.accept(point);
                },
                limits.maxPoints(),
                TimeWindow.receivedAt(Instant.now()));
        try {
            format.reader().read(nonEmpty(new CappedInputStream(in, limits.maxBytes(), "the upload")), checked);
        } catch (LimitExceededException e) {
            throw new InvalidTraceException(TraceProblem.TOO_LARGE, e.getMessage());
        }
        if (checked.count() == 0) {
            throw new InvalidTraceException(TraceProblem.EMPTY, "the upload holds no track point");
        }
        return new ReadSummary(checked.count(), span[0], span[1]);
    }

    private static InputStream nonEmpty(InputStream in) {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        try {
            buffered.mark(1);
            if (buffered.read() < 0) {
                throw new InvalidTraceException(TraceProblem.EMPTY, "the upload is empty");
            }
            buffered.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffered;
    }

    public record ReadSummary(int points, long firstEpochMilli, long lastEpochMilli) {}
}
