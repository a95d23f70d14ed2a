package eu.selfdata.connectors.settings;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * An SSH server's public host key as {@code ssh-keyscan} prints it ({@code ssh-ed25519 AAAA...}):
 * connections are refused unless the server proves this key, so nobody in the middle reads the files.
 */
public record SshHostKey(String algorithm, String base64) {

    private static final Set<String> ALGORITHMS =
            Set.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa");

    public SshHostKey {
        if (!ALGORITHMS.contains(algorithm) || base64 == null || base64.length() > 4_096) {
            throw new IllegalArgumentException("not an SSH host key");
        }
        byte[] blob = Base64.getDecoder().decode(base64);
        // The key blob starts with its algorithm name (RFC 4253, 6.6): a key pasted under the wrong name is refused.
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        int length = buffer.remaining() >= 4 ? buffer.getInt() : -1;
        if (length != algorithm.length()
                || buffer.remaining() <= length
                || !new String(blob, 4, length, StandardCharsets.US_ASCII).equals(algorithm)) {
            throw new IllegalArgumentException("not an SSH host key");
        }
    }

    /** Reads {@code algorithm base64 [comment]}. */
    public static SshHostKey parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("not an SSH host key");
        }
        return new SshHostKey(parts[0], parts[1]);
    }

    /** The line of an OpenSSH {@code known_hosts} file for a host (and port when not 22). */
    public String knownHostsLine(String host, int port) {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        return name + " " + algorithm + " " + base64;
    }

    @Override
    public String toString() {
        return algorithm + " " + base64;
    }
}
