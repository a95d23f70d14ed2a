package eu.selfdata.tenant.erasure;

/**
 * One step of a citizen's erasure, run in {@link #order()} in the citizen's city. {@link #execute} must be
 * idempotent: a failure or a crash replays the step, possibly after it had done part of its work.
 */
public interface ErasureStep {

    String name();

    int order();

    void execute(ErasureRequest request);
}
