package eu.selfdata.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The platform key sealing connector secrets (SFTP and broker passwords): made on the first run and
 * kept owner-only in the data folder, since the secrets sealed with it stay in the database between runs.
 */
record ConnectorSecretKey(String value) {

    static ConnectorSecretKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return new ConnectorSecretKey(Files.readString(file).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        ConnectorSecretKey key = new ConnectorSecretKey(Base64.getEncoder().encodeToString(bytes));
        PrivateFiles.write(file, key.value() + "\n");
        return key;
    }

    @Override
    public String toString() {
        return "ConnectorSecretKey[redacted]";
    }
}
