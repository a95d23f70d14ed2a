package eu.selfdata.connectors.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * One MQTT account per city on the platform's broker: the username is the city slug, the password
 * is the city's. The embedded broker checks logins against it, and the platform's own
 * subscriptions log in with it (on an external broker the operator creates the same accounts).
 * The host implements it (e.g. from the city's encrypted connector secrets).
 */
public interface BrokerAccounts {

    /** The city's broker password; empty when the city has no account (then nobody logs in as that city). */
    Optional<String> password(String city);

    /**
     * Whether {@code presented} is the city's password. Compares SHA-256 digests with
     * {@link MessageDigest#isEqual}, so the time taken tells neither the password nor its length.
     */
    default boolean accepts(String city, String presented) {
        Optional<String> expected = password(city);
        return presented != null
                && expected.isPresent()
                && MessageDigest.isEqual(sha256(expected.get()), sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
