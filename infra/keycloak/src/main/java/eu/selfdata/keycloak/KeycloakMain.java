package eu.selfdata.keycloak;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one Keycloak until killed: what CI starts once for every module's tests
 * ({@code SELFDATA_TEST_KEYCLOAK_URL}). Arguments: http port, home directory, admin password.
 */
public final class KeycloakMain {

    private KeycloakMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: KeycloakMain <http-port> <home> <admin-password>");
            System.exit(2);
        }
        KeycloakServer.Settings settings = new KeycloakServer.Settings(
                Integer.parseInt(args[0]), "admin", args[2], Path.of(args[1]), true, java.time.Duration.ofSeconds(180));
        KeycloakServer server = KeycloakServer.start(settings);
        System.out.println("Keycloak ready at " + server.baseUrl());
        // The server's own shutdown hook stops Keycloak when this JVM is terminated.
        new CountDownLatch(1).await();
    }
}
