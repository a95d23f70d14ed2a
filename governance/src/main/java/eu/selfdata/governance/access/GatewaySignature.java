package eu.selfdata.governance.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The gateway's {@code X-Tenant-Signature}, {@code <epochSeconds>.<base64url(HMAC-SHA256(secret, tenant + "\n" +
 * epochSeconds))>}: checked on every request (it proves the request and its city came through the
 * gateway), and made for governance's own calls to tenant-service, which checks it the same way.
 */
@Component
public class GatewaySignature {

    public static final String HEADER = "X-Tenant-Signature";
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final SecretKeySpec key;
    private final Clock clock;

    GatewaySignature(@Value("${selfdata.gateway.secret:}") String secret, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("selfdata.gateway.secret must be set (at least 16 characters), the same as the gateway's");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** @param tenant the slug, or "" for the platform host */
    public boolean verifies(String header, String tenant) {
        return parse(header)
                .filter(signed -> Math.abs(clock.instant().getEpochSecond() - signed.epochSeconds()) <= MAX_SKEW.toSeconds())
                .filter(signed -> MessageDigest.isEqual(mac(tenant, signed.epochSeconds()), signed.mac()))
                .isPresent();
    }

    public String sign(String tenant) {
        long now = clock.instant().getEpochSecond();
        return now + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(tenant, now));
    }

    private static Optional<Signed> parse(String header) {
        int dot = header == null ? -1 : header.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Signed(Long.parseLong(header.substring(0, dot)), Base64.getUrlDecoder().decode(header.substring(dot + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String tenant, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((tenant + "\n" + epochSeconds).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Signed(long epochSeconds, byte[] mac) {
    }
}
