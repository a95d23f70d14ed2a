package eu.selfdata.tenant.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the gateway's {@code X-Tenant-Signature}: {@code <epochSeconds>.<base64url(HMAC-SHA256(secret,
 * tenant + "\n" + epochSeconds))>}. A request carrying a tenant it was not signed for, or not signed
 * at all, did not come through the gateway. The gateway signs a tenant once a second, so most requests
 * carry a header already verified for their tenant: that one is recognised without computing the HMAC
 * again (its time is still checked).
 */
@Component
public class GatewaySignature {

    public static final String HEADER = "X-Tenant-Signature";
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final Mac keyed;
    private final Clock clock;
    // tenant -> the last header verified for it; filled only by verified headers, so one entry per city
    private final Map<String, String> lastVerified = new ConcurrentHashMap<>();

    GatewaySignature(@Value("${selfdata.gateway.secret:}") String secret, Clock clock) {
        if (!StringUtils.hasText(secret) || secret.length() < 16) {
            throw new IllegalStateException("selfdata.gateway.secret must be set (at least 16 characters), the same as the gateway's");
        }
        try {
            this.keyed = Mac.getInstance("HmacSHA256");
            this.keyed.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.clock = clock;
    }

    /** @param tenant the slug, or "" for the platform host */
    public boolean verifies(String header, String tenant) {
        if (header == null) {
            return false;
        }
        int dot = header.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(header.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - epochSeconds) > MAX_SKEW.toSeconds()) {
            return false;
        }
        if (header.equals(lastVerified.get(tenant))) {
            return true;
        }
        byte[] expected = mac(tenant + "\n" + epochSeconds);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(header.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return false;
        }
        lastVerified.put(tenant, header);
        return true;
    }

    /** Signs as the gateway would: for tests and tools that talk to the service directly. */
    public String sign(String tenant) {
        long now = clock.instant().getEpochSecond();
        return now + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(tenant + "\n" + now));
    }

    private byte[] mac(String message) {
        try {
            // a Mac is not thread-safe: a copy of the keyed one skips the provider lookup and key setup
            return ((Mac) keyed.clone()).doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
