package eu.selfdata.mobility.journey;

import eu.selfdata.mobility.trip.Trace;
import eu.selfdata.usecase.api.CitizenId;
import java.time.Instant;

/** Where a citizen's stored points come from. */
public interface TraceSource {

    /** The citizen's points between two instants (inclusive), in time order. */
    Trace load(CitizenId citizen, Instant from, Instant to);
}
