package eu.selfdata.usecase.api;

import java.util.Objects;

/**
 * Someone or something other than the citizen that read the citizen's data; {@code PLATFORM} is the platform itself
 * using the citizen's address to mail them a notice ("platform → you").
 */
public record Accessor(Kind kind, String name) {

    public Accessor {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an accessor has a name");
        }
    }

    public enum Kind {
        CITY_AGENT,
        AGGREGATE_JOB,
        CONNECTOR,
        EXPORT,
        PLATFORM
    }
}
