package eu.selfdata.connectors.settings;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals connector secrets with the platform key (AES-256-GCM, a fresh 96-bit nonce each time). The
 * city, template and setting name are authenticated with the ciphertext, so a sealed value copied
 * into another city's or setting's row does not open there.
 */
public final class SecretBox {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 random bytes in base64 ({@code openssl rand -base64 32}) */
    public SecretBox(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "selfdata.connectors.secret-key must be 32 random bytes in base64 (openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        Arrays.fill(bytes, (byte) 0);
    }

    public byte[] seal(String city, String template, String setting, Secret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(
                Cipher.ENCRYPT_MODE,
                nonce,
                city,
                template,
                setting,
                secret.value().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                .put(VERSION)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /**
     * A short keyed hash of {@code text} for one {@code purpose} (HMAC-SHA256 under a key derived from
     * the platform key for that purpose, 16 hex digits): a name only the platform can compute.
     */
    public String tag(String purpose, String text) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    derive.doFinal(("selfdata/" + purpose).getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed for this place with this key */
    public Secret open(String city, String template, String setting, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES || sealed[0] != VERSION) {
            throw new IllegalStateException("not a sealed secret");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(sealed, 1 + NONCE_BYTES, sealed.length);
        return new Secret(
                new String(cipher(Cipher.DECRYPT_MODE, nonce, city, template, setting, body), StandardCharsets.UTF_8));
    }

    private byte[] cipher(int mode, byte[] nonce, String city, String template, String setting, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((city + "/" + template + "/" + setting).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "secret " + setting + " of " + city + "." + template + " does not open with the platform key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
