package eu.selfdata.connectors.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Lease of a lock group: a valid Kubernetes name (DNS-1123 label, at most 63 characters) whatever the
 * group's text. The readable part is the group lower-cased, every run of other characters turned into
 * {@code -}, cut to fit; the suffix, a hash of the exact prefix and group, keeps two groups that read
 * alike apart ({@code Lyon_1} and {@code lyon-1}). A group's text never reaches the API server raw.
 */
public record LeaseName(String value) {

    static final int MAX_LENGTH = 63;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final int HASH_LENGTH = 12;

    public LeaseName {
        if (value.length() > MAX_LENGTH || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a Kubernetes name: " + value);
        }
    }

    /** @param prefix a DNS label of at most 30 characters ({@link LeaseSettings#prefix()}) */
    public static LeaseName of(String prefix, String group) {
        String exact = prefix + "-" + group;
        String readable = exact.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        readable = readable.substring(0, Math.min(readable.length(), MAX_LENGTH - HASH_LENGTH - 1));
        return new LeaseName(readable.replaceAll("-+$", "") + "-" + hash(exact));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
