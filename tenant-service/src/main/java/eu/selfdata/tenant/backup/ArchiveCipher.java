package eu.selfdata.tenant.backup;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts city archives with the platform's backup key: Tink's streaming AEAD (AES-256-GCM with
 * HKDF-derived segment keys, 1 MB segments), so archives of any size are sealed and checked as
 * they stream, and a truncated or altered archive fails to read instead of restoring half a city.
 * The same key opens an archive on another platform, which is how a city moves.
 */
@Component
public class ArchiveCipher {

    /** Bound to every archive: a file sealed for another purpose with the same key does not open as one. */
    private static final byte[] ASSOCIATED_DATA = "selfdata-city-archive-v1".getBytes(StandardCharsets.US_ASCII);

    private final StreamingAead aead;

    public ArchiveCipher(@Value("${selfdata.backup.key:}") String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "selfdata.backup.key must be 32 random bytes in base64 (openssl rand -base64 32)");
        }
        try {
            AesGcmHkdfStreamingParameters parameters = AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(32)
                    .setDerivedAesGcmKeySizeBytes(32)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(1 << 20)
                    .build();
            this.aead = AesGcmHkdfStreaming.create(AesGcmHkdfStreamingKey.create(
                    parameters, SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not set up archive encryption", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    public OutputStream encrypting(OutputStream ciphertext) {
        try {
            return aead.newEncryptingStream(ciphertext, ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not start an encrypted archive", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plaintext of an archive; reading fails with an {@link IOException} at the first altered segment. */
    public InputStream decrypting(InputStream ciphertext) {
        try {
            return aead.newDecryptingStream(ciphertext, ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open an encrypted archive", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
