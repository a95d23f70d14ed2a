package eu.selfdata.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A platform key (sealing connector secrets, encrypting city archives): made on the first run and
 * kept owner-only in the data folder, since what is sealed with it stays between runs.
 */
record PlatformKey(String value) {

    static PlatformKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return new PlatformKey(Files.readString(file).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        PlatformKey key = new PlatformKey(Base64.getEncoder().encodeToString(bytes));
        PrivateFiles.write(file, key.value() + "\n");
        return key;
    }

    @Override
    public String toString() {
        return "PlatformKey[redacted]";
    }
}
