package eu.selfdata.launcher.identity;

import eu.selfdata.launcher.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;

/**
 * Passwords of the demo accounts, {@code login=password} in an owner-only file of dev-data, so that
 * every run prints the same ones. Dev only: a real platform never stores a password.
 */
public final class PasswordStore {

    // no 0/O, 1/l/I: read off a terminal and typed by hand
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 16; // the realm asks for 10 or more
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties passwords = new Properties();

    private PasswordStore(Path file) {
        this.file = file;
    }

    public static PasswordStore open(Path file) {
        PasswordStore store = new PasswordStore(file);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                store.passwords.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
        return store;
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String login) {
        return Optional.ofNullable(passwords.getProperty(login));
    }

    public synchronized void put(String login, String password) {
        passwords.setProperty(login, password);
        StringWriter text = new StringWriter();
        try {
            passwords.store(text, "Demo accounts of the dev launcher (dev only)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrivateFiles.write(file, text.toString());
    }

    /** 16 letters and digits: meets {@code length(10) and notUsername and notEmail}. */
    static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
