package eu.selfdata.connectors.settings;

/** A password or key: encrypted at rest, never shown back, never in logs ({@link #toString()} hides it). */
public record Secret(String value) {

    public Secret {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("an empty secret");
        }
    }

    @Override
    public String toString() {
        return "********";
    }
}
