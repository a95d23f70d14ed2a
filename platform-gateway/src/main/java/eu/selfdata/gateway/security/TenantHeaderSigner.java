package eu.selfdata.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs the tenant a request is for, so a service can tell the gateway set it:
 * {@code <epochSeconds>.<base64url-no-padding(HMAC-SHA256(secret, tenant + "\n" + epochSeconds))>},
 * tenant being the slug, or "" on the platform host. The signature only changes with the second, so
 * it is computed once per tenant and second, not per request.
 */
@Component
public class TenantHeaderSigner {

    public static final String TENANT_ID_HEADER = "X-Tenant-Id";
    public static final String SIGNATURE_HEADER = "X-Tenant-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    // one entry per tenant served (admitted by the directory, or "" for the platform host)
    private final Map<String, Signature> latest = new ConcurrentHashMap<>();

    @Autowired
    TenantHeaderSigner(GatewaySecurityProperties properties) {
        this(properties.secret(), Clock.systemUTC());
    }

    TenantHeaderSigner(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    public String sign(String tenant) {
        long epochSeconds = clock.instant().getEpochSecond();
        Signature signature = latest.get(tenant);
        if (signature == null || signature.epochSeconds() != epochSeconds) {
            signature = new Signature(epochSeconds, epochSeconds + "." + mac(tenant + "\n" + epochSeconds));
            latest.put(tenant, signature);
        }
        return signature.value();
    }

    private String mac(String message) {
        try {
            // Mac instances are not thread-safe; one per signature, i.e. per tenant and second
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private record Signature(long epochSeconds, String value) {
    }
}
