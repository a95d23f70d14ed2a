package eu.selfdata.connectors;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A failure as a connector's health shows it to every replica, the city admin and the coordinator:
 * bounded, and with every UUID (a citizen's id or identity-server subject) and e-mail address masked,
 * so the health table holds no personal data whatever a failing record made an exception say (a
 * delivered file is named after its citizen). The unmasked reason stays with the record in its dead
 * letter, which erasure reaches.
 */
record HealthMessage(String text) {

    static final int MAX_LENGTH = 2_000;
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\\[\\]\"',;:/]+@[^\\s@<>()\\[\\]\"',;:/]+");

    HealthMessage {
        Objects.requireNonNull(text, "text");
        text = EMAIL.matcher(UUID.matcher(text).replaceAll("[id]")).replaceAll("[e-mail]");
        text = text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }

    /** The failure and its root cause ({@link DeadLetters#reason}). */
    static HealthMessage of(Throwable cause) {
        return new HealthMessage(DeadLetters.reason(cause));
    }
}
