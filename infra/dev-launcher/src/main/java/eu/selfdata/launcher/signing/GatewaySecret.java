package eu.selfdata.launcher.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/** The secret the gateway signs tenant headers with; a new one each run. */
public record GatewaySecret(String value) {

    /** Header the services check on every request. */
    public static final String SIGNATURE_HEADER = "X-Tenant-Signature";

    public static GatewaySecret random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new GatewaySecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * The signature the gateway would send: {@code <epochSeconds>.<base64url(HMAC-SHA256(secret,
     * tenant + "\n" + epochSeconds))>}; tenant "" for the platform paths.
     */
    public String signatureFor(String tenant) {
        long now = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((tenant + "\n" + now).getBytes(StandardCharsets.UTF_8));
            return now + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Owner-only file, written whole, so that benches can sign requests to the services directly. */
    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "gateway-secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, value);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the gateway secret to " + file, e);
        }
    }

    @Override
    public String toString() {
        return "GatewaySecret[redacted]";
    }
}
