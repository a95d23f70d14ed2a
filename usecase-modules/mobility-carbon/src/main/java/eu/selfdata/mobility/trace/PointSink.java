package eu.selfdata.mobility.trace;

/** Receives the points of a trace one at a time, in file order, as a reader parses them. */
@FunctionalInterface
public interface PointSink {

    void accept(TracePoint point);
}
