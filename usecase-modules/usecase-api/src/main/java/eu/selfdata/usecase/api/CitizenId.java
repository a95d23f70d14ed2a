package eu.selfdata.usecase.api;

import java.util.Objects;
import java.util.UUID;

/**
 * A citizen inside one city's schema: a random id, never the identity server's subject, so module
 * tables hold nothing that names the person outside the platform.
 */
public record CitizenId(UUID value) {

    public CitizenId {
        Objects.requireNonNull(value, "citizen id");
    }

    public static CitizenId of(String value) {
        return new CitizenId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
