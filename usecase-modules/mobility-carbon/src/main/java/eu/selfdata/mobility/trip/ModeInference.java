package eu.selfdata.mobility.trip;

import java.util.Optional;

/** Names the mode of a leg from its profile. */
@FunctionalInterface
public interface ModeInference {

    Inference infer(LegProfile leg);

    /** The mode, and the transit ride that explains the leg when one does. */
    record Inference(TravelMode mode, Optional<TransitRide> ride) {

        public static Inference of(TravelMode mode) {
            return new Inference(mode, Optional.empty());
        }
    }
}
