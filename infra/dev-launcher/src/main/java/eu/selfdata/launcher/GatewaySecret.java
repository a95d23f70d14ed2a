package eu.selfdata.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The secret the gateway signs tenant headers with; a new one each run. */
record GatewaySecret(String value) {

    static GatewaySecret random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new GatewaySecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Owner-only file, written whole, so that benches can sign requests to the services directly. */
    void writeTo(Path file) {
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
