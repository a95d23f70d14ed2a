package eu.selfdata.mobility.trace;

import java.io.InputStream;

/** Parses one trace format from a stream without loading it whole. */
public sealed interface TraceReader permits GpxReader, GeoJsonReader, AppJsonReader {

    /** Pushes every point to the sink; throws {@link InvalidTraceException} on the first problem. */
    void read(InputStream in, PointSink sink);
}
