package eu.selfdata.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's {@code X-Tenant-Signature}, proof that a request and its city came through the
 * gateway: {@code <epochSeconds>.<base64url-no-padding(HMAC-SHA256(secret, tenant + "\n" + epochSeconds))>},
 * tenant being the city's slug, or "" on the platform host. Accepted up to {@link #MAX_SKEW} away
 * from the verifier's clock.
 *
 * <p>The gateway signs every request, so both sides remember: the signer keeps one signature per
 * tenant and second, the verifier the last header it verified per tenant, recognised again without
 * computing the HMAC (its time is still checked). Both maps hold one entry per city served: a verifier
 * only remembers headers that passed, so a client cannot fill it.
 */
public final class GatewaySignature {

    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    public static final int MIN_SECRET_LENGTH = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac keyed;
    private final Clock clock;
    private final Map<String, Signed> lastSigned = new ConcurrentHashMap<>();
    private final Map<String, String> lastVerified = new ConcurrentHashMap<>();

    /** @throws IllegalStateException when the secret is missing or shorter than {@link #MIN_SECRET_LENGTH} */
    public GatewaySignature(String secret, Clock clock) {
        if (secret == null || secret.isBlank() || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("selfdata.gateway.secret must be set (at least " + MIN_SECRET_LENGTH
                    + " characters), the same as the gateway's");
        }
        try {
            this.keyed = Mac.getInstance(ALGORITHM);
            this.keyed.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
        this.clock = clock;
    }

    /** @param tenant the city's slug, or "" for the platform host */
    public String sign(String tenant) {
        long now = clock.instant().getEpochSecond();
        Signed signed = lastSigned.get(tenant);
        if (signed == null || signed.epochSeconds() != now) {
            signed = new Signed(
                    now, now + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(tenant, now)));
            lastSigned.put(tenant, signed);
        }
        return signed.header();
    }

    /**
     * Whether {@code header} was made with this secret for {@code tenant}, within {@link #MAX_SKEW}.
     *
     * @param tenant the city's slug, or "" for the platform host
     */
    public boolean verifies(String header, String tenant) {
        int dot = header == null ? -1 : header.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(header.substring(0, dot));
        } catch (NumberFormatException malformed) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - epochSeconds) > MAX_SKEW.toSeconds()) {
            return false;
        }
        if (header.equals(lastVerified.get(tenant))) {
            return true;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(header.substring(dot + 1));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (!MessageDigest.isEqual(mac(tenant, epochSeconds), given)) {
            return false;
        }
        lastVerified.put(tenant, header);
        return true;
    }

    private byte[] mac(String tenant, long epochSeconds) {
        try {
            // a Mac is not thread-safe: a copy of the keyed one skips the provider lookup and key setup
            return ((Mac) keyed.clone()).doFinal((tenant + "\n" + epochSeconds).getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Signed(long epochSeconds, String header) {}
}
