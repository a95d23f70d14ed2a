package eu.selfdata.gateway;

import eu.selfdata.keycloak.KeycloakServer;
import java.net.URI;
import java.nio.file.Path;

/**
 * The real Keycloak the {@code *IT} tests run against. {@code SELFDATA_TEST_KEYCLOAK_URL} (or the
 * system property {@code selfdata.test.keycloak-url}), e.g. {@code http://localhost:8180}, names one
 * that is already running with the {@code selfdata} realm imported: it is reused, never stopped, and
 * administered with {@code SELFDATA_TEST_KEYCLOAK_ADMIN_USERNAME} / {@code _PASSWORD} (default
 * admin/admin). Without it, {@link KeycloakServer#shared()} starts one for the whole test JVM.
 */
final class TestKeycloak {

    static final String REALM = KeycloakServer.REALM;

    private static TestKeycloak shared;

    private final URI baseUrl;
    private final String adminUsername;
    private final String adminPassword;
    private final KeycloakServer server;

    private TestKeycloak(URI baseUrl, String adminUsername, String adminPassword, KeycloakServer server) {
        this.baseUrl = baseUrl;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.server = server;
    }

    static synchronized TestKeycloak shared() {
        if (shared == null) {
            String url = setting("SELFDATA_TEST_KEYCLOAK_URL", "selfdata.test.keycloak-url", null);
            shared = url == null
                    ? of(KeycloakServer.shared())
                    : new TestKeycloak(
                            URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                            setting(
                                    "SELFDATA_TEST_KEYCLOAK_ADMIN_USERNAME",
                                    "selfdata.test.keycloak-admin-username",
                                    "admin"),
                            setting(
                                    "SELFDATA_TEST_KEYCLOAK_ADMIN_PASSWORD",
                                    "selfdata.test.keycloak-admin-password",
                                    "admin"),
                            null);
        }
        return shared;
    }

    /** A server of this test's own, which it may stop: never the shared one other modules use. */
    static TestKeycloak startOwn(Path home) {
        return of(KeycloakServer.start(KeycloakServer.Settings.forTests(home)));
    }

    String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    RealmAdmin admin() {
        return new RealmAdmin(baseUrl, REALM, adminUsername, adminPassword);
    }

    /** Stops a server this test started; one it only reuses is left alone. */
    void stop() {
        if (server != null && server != sharedServer()) {
            server.close();
        }
    }

    private static TestKeycloak of(KeycloakServer server) {
        return new TestKeycloak(
                server.baseUrl(),
                server.settings().adminUsername(),
                server.settings().adminPassword(),
                server);
    }

    private static KeycloakServer sharedServer() {
        return shared == null ? null : shared.server;
    }

    private static String setting(String variable, String property, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? fallback : value;
    }
}
