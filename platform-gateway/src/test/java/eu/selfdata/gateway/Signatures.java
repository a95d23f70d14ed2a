package eu.selfdata.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies X-Tenant-Signature the way a downstream service does, independently of the gateway's signer. */
final class Signatures {

    static final String SECRET = "change-me-in-tests-0123456789abcdef";

    private Signatures() {
    }

    static boolean verifies(String signature, String tenant) {
        String[] parts = signature.split("\\.", 2);
        long epochSeconds = Long.parseLong(parts[0]);
        if (Duration.between(Instant.ofEpochSecond(epochSeconds), Instant.now()).abs().toSeconds() > 60) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((tenant + "\n" + epochSeconds).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
