package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.saga.StepRecord;
import java.util.List;
import java.util.UUID;

/** How far an erasure is, as the citizen sees it while their account still signs in. */
public record ErasureStatus(UUID id, State state, List<StepRecord> steps) {

    public enum State {
        IN_PROGRESS,
        DONE
    }

    public ErasureStatus {
        steps = List.copyOf(steps);
    }
}
