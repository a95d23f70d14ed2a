package eu.selfdata.mobility.trace;

/** Why an upload was refused; {@link #slug()} is the stable end of the problem type URI. */
public enum TraceProblem {
    MALFORMED("trace-malformed", 400),
    MISSING_TIME("trace-missing-time", 422),
    TIME_OUT_OF_RANGE("trace-time-out-of-range", 422),
    COORDINATE_OUT_OF_RANGE("trace-coordinate-out-of-range", 422),
    UNORDERED_TIMESTAMPS("trace-unordered-timestamps", 422),
    DUPLICATE_TIMESTAMP("trace-duplicate-timestamp", 422),
    EMPTY("trace-empty", 422),
    TOO_LARGE("trace-too-large", 413),
    TOO_MANY_POINTS("trace-too-many-points", 413),
    UNSUPPORTED_FORMAT("trace-unsupported-format", 415);

    private final String slug;
    private final int status;

    TraceProblem(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }
}
